package com.sellergrowth.events.coupon;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** The seller ended a coupon before its validity ran out; no more claims or redemptions. Key: couponId. */
public record CouponEndedV1(String couponId, String sellerId, Instant occurredAt) {
  public static final EventType<CouponEndedV1> TYPE = new EventType<>("coupon.ended", 1, CouponEndedV1.class, Topics.COUPON_EVENTS);
}
