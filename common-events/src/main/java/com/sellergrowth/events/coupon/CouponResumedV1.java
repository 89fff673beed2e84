package com.sellergrowth.events.coupon;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A paused coupon was resumed ({@code resumedBy}: SELLER, RISK or OPERATOR). Key: couponId. */
public record CouponResumedV1(String couponId, String sellerId, String resumedBy, @OptionalField String decisionId, Instant occurredAt) {
  public static final EventType<CouponResumedV1> TYPE = new EventType<>("coupon.resumed", 1, CouponResumedV1.class, Topics.COUPON_EVENTS);
}
