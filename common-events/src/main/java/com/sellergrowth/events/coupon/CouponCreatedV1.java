package com.sellergrowth.events.coupon;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;
import java.util.List;

/** A seller created a coupon. Money in minor units of {@code currency}. Key: couponId. */
public record CouponCreatedV1(String couponId, String sellerId, String type, long faceValueMinor, long minOrderMinor, String currency,
    long totalQuantity, long budgetMinor, Instant startsAt, Instant endsAt, List<String> targetCountries, List<String> variants,
    Instant occurredAt) {
  public static final EventType<CouponCreatedV1> TYPE = new EventType<>("coupon.created", 1, CouponCreatedV1.class, Topics.COUPON_EVENTS);
}
