package com.sellergrowth.coupon.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a claim is decided on, read in one round trip: the coupon, the buyer's record and the pool's stock.
 *
 * @param arbitrations30d disputes of the buyer escalated to arbitration in the last 30 days (CPN-9)
 * @param buyerHasOrdersWithSeller the buyer already paid an order with this seller (CPN-12)
 * @param poolSellableSkus pool SKUs listed with stock above zero (CPN-8)
 * @param poolStockStale a pool SKU's latest sync was late or is overdue (CPN-8)
 */
public record ClaimCheck(CouponStatus storedStatus, Instant startsAt, Instant endsAt, List<String> targetCountries, boolean firstOrderOnly,
    String buyerCountry, long arbitrations30d, boolean buyerHasOrdersWithSeller, long poolSellableSkus, boolean poolStockStale) {
}
