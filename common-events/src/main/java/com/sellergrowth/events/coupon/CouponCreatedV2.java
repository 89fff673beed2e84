package com.sellergrowth.events.coupon;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;
import java.util.List;

/**
 * A seller created a coupon: V1 plus its product pool (CPN-6: SPUs, categories, brands; an empty list means no condition
 * on that attribute), so that consumers can match stock syncs to the pool (RSK-3). Money in minor units of
 * {@code currency}. Key: couponId.
 */
public record CouponCreatedV2(String couponId, String sellerId, String type, long faceValueMinor, long minOrderMinor, String currency,
    long totalQuantity, long budgetMinor, Instant startsAt, Instant endsAt, List<String> targetCountries, List<String> variants,
    List<String> poolSpus, List<String> poolCategories, List<String> poolBrands, Instant occurredAt) {
  public static final EventType<CouponCreatedV2> TYPE = new EventType<>("coupon.created", 2, CouponCreatedV2.class, Topics.COUPON_EVENTS);
}
