package com.sellergrowth.events.coupon;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A claim was redeemed by a paid order. Key: couponId. */
public record CouponRedeemedV1(String couponId, String claimId, String sellerId, String buyerId, String orderId, long orderAmountMinor,
    long discountMinor, String currency, Instant occurredAt) {
  public static final EventType<CouponRedeemedV1> TYPE = new EventType<>("coupon.redeemed", 1, CouponRedeemedV1.class, Topics.COUPON_EVENTS);
}
