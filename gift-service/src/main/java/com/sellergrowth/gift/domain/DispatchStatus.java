package com.sellergrowth.gift.domain;

/**
 * GFT-7: PENDING (created, a unit reserved) -> LABELLED (waybill printed) -> SHIPPED (the seller confirmed). CANCELLED: the
 * order was cancelled or refunded before shipment (not the seller's failure). FAILED: a failure code (ERR-407, ERR-211,
 * ERR_GIFT_STOCK, NOT_CONFIRMED_48H).
 */
public enum DispatchStatus {
  PENDING, LABELLED, SHIPPED, CANCELLED, FAILED
}
