package com.sellergrowth.coupon.api;

import com.sellergrowth.coupon.persistence.CouponClaim;
import java.time.Instant;

/** A claim. */
public record ClaimResponse(String id, String couponId, String buyerId, String variant, long faceValueMinor, String status, String buyerCountry,
    Instant claimedAt, String orderId, Long discountMinor, Instant redeemedAt) {

  static ClaimResponse of(CouponClaim c) {
    return new ClaimResponse(c.id.toString(), c.couponId.toString(), c.buyerId, c.variant, c.faceValueMinor, c.status, c.buyerCountry,
        c.claimedAt, c.orderId, c.discountMinor, c.redeemedAt);
  }
}
