package com.sellergrowth.gift.domain;

/** GFT-4, GFT-6, GFT-7, GFT-8: why a gift was not sent. */
public final class FailureCodes {
  /** The seller's own packaging is not registered (GFT-7). */
  public static final String PACKAGING_NOT_REGISTERED = "ERR-407";
  /** The destination's documents are missing (GFT-7). */
  public static final String DESTINATION_DOCUMENTS = "ERR-211";
  /** No unit of the gift in the gift warehouse (GFT-4). */
  public static final String NO_GIFT_STOCK = "ERR_GIFT_STOCK";
  /** A cash-on-delivery destination (GFT-6): an order outcome, not a dispatch failure of the seller. */
  public static final String COD_COUNTRY = "ERR_COD_COUNTRY";
  /** Not confirmed as shipped within 48 hours of creation (GFT-8). */
  public static final String NOT_CONFIRMED = "NOT_CONFIRMED_48H";

  private FailureCodes() {
  }
}
