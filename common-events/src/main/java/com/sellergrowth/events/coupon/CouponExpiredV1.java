package com.sellergrowth.events.coupon;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A coupon reached the end of its validity. Key: couponId. */
public record CouponExpiredV1(String couponId, String sellerId, Instant occurredAt) {
  public static final EventType<CouponExpiredV1> TYPE = new EventType<>("coupon.expired", 1, CouponExpiredV1.class, Topics.COUPON_EVENTS);
}
