package com.sellergrowth.coupon.domain;

import java.time.Instant;
import java.util.List;

/** The terms of a coupon that decide whether it applies to an order (CPN-11, CPN-12, CPN-13) and how it stacks. */
public record CouponTerms(String couponId, String sellerId, CouponStatus storedStatus, String pausedBy, Instant startsAt, Instant endsAt,
    long minOrderMinor, String currency, ProductPool pool, boolean logisticsRestricted, boolean firstOrderOnly, String stackingGroup,
    boolean exclusive) {

  /** CPN-11: the platform's official logistics services. */
  public static final List<String> OFFICIAL_LOGISTICS = List.of("AliExpress Standard Shipping", "AliExpress Premium Shipping",
      "AliExpress Standard", "AliExpress Premium");
}
