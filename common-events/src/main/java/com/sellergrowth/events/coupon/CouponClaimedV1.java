package com.sellergrowth.events.coupon;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A buyer claimed a coupon. {@code ip} and {@code deviceId} feed risk rules (RSK-1). Key: couponId. */
public record CouponClaimedV1(String couponId, String claimId, String sellerId, String buyerId, String buyerCountry,
    @OptionalField String variant, @OptionalField String ip, @OptionalField String deviceId, Instant occurredAt) {
  public static final EventType<CouponClaimedV1> TYPE = new EventType<>("coupon.claimed", 1, CouponClaimedV1.class, Topics.COUPON_EVENTS);
}
