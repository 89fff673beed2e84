package com.sellergrowth.events.coupon;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A coupon was paused by its seller or by risk-service ({@code pausedBy}: SELLER or RISK). Key: couponId. */
public record CouponPausedV1(String couponId, String sellerId, String pausedBy, String reason, @OptionalField String decisionId,
    Instant occurredAt) {
  public static final EventType<CouponPausedV1> TYPE = new EventType<>("coupon.paused", 1, CouponPausedV1.class, Topics.COUPON_EVENTS);
}
