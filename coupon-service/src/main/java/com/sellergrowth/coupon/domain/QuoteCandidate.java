package com.sellergrowth.coupon.domain;

/** A claim that applies to an order draft, with the discount it would give. */
public record QuoteCandidate(String claimId, String couponId, String stackingGroup, boolean exclusive, long discountMinor) {
}
