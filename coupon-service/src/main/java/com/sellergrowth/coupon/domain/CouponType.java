package com.sellergrowth.coupon.domain;

/** CPN-1: spend at least the minimum and get the face value off (THRESHOLD), or a face value off any order that reaches the floor. */
public enum CouponType {
  THRESHOLD, NO_THRESHOLD
}
