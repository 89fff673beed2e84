package com.sellergrowth.coupon.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.sellergrowth.coupon.domain.CouponStatus;
import com.sellergrowth.coupon.domain.CouponTerms;
import com.sellergrowth.coupon.domain.ProductPool;
import com.sellergrowth.coupon.domain.Variant;
import com.sellergrowth.coupon.persistence.Coupon;
import com.sellergrowth.events.EventSerde;
import java.util.List;

/** Conversions between the coupon row and the domain's value types. */
public final class CouponMapper {
  private static final TypeReference<List<Variant>> VARIANTS = new TypeReference<>() {
  };

  public static ProductPool pool(Coupon c) {
    return new ProductPool(List.of(c.poolSpus), List.of(c.poolCategories), List.of(c.poolBrands));
  }

  public static List<Variant> variants(String json) {
    try {
      return json == null ? List.of() : EventSerde.mapper().readValue(json, VARIANTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt variants_json", e);
    }
  }

  public static String variantsJson(List<Variant> variants) {
    try {
      return EventSerde.mapper().writeValueAsString(variants == null ? List.of() : variants);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static CouponTerms terms(Coupon c) {
    return terms(c, null, null);
  }

  /** The terms with the status the coupon had at some time ({@code status} null: the stored one). */
  public static CouponTerms terms(Coupon c, CouponStatus status, String pausedBy) {
    return new CouponTerms(c.id.toString(), c.sellerId, status == null ? CouponStatus.valueOf(c.status) : status,
        status == null ? c.pausedBy : pausedBy, c.startsAt, c.endsAt, c.minOrderMinor, c.currency, pool(c), c.logisticsRestricted,
        c.firstOrderOnly, c.stackingGroup, c.exclusive);
  }

  private CouponMapper() {
  }
}
