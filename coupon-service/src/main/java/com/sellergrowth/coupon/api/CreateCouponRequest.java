package com.sellergrowth.coupon.api;

import com.sellergrowth.coupon.domain.CouponDraft;
import com.sellergrowth.coupon.domain.ProductPool;
import com.sellergrowth.coupon.domain.Variant;
import java.time.Instant;
import java.util.List;

/**
 * Create a coupon. Money in minor units (cents) of {@code currency}. {@code logisticsRestricted} defaults to true (CPN-11),
 * {@code exclusive} to true, {@code stackingGroup} to "default"; {@code draft=true} keeps it a DRAFT until published.
 */
public record CreateCouponRequest(String name, String type, String currency, Long faceValueMinor, Long minOrderMinor, Instant startsAt,
    Instant endsAt, Long totalQuantity, Long budgetMinor, List<String> targetCountries, PoolDto pool, Boolean logisticsRestricted,
    Boolean firstOrderOnly, Boolean stackableWithPlatform, String stackingGroup, Boolean exclusive, Integer grossMarginBp,
    List<VariantDto> variants, Boolean draft) {

  /** CPN-6. */
  public record PoolDto(List<String> spus, List<String> categories, List<String> brands) {
  }

  /** CPN-16. */
  public record VariantDto(String name, Integer weight, Long faceValueMinor) {
  }

  CouponDraft toDraft() {
    return new CouponDraft(name, type, currency, faceValueMinor, minOrderMinor, startsAt, endsAt, totalQuantity, budgetMinor, targetCountries,
        pool == null ? null : new ProductPool(pool.spus(), pool.categories(), pool.brands()), logisticsRestricted, firstOrderOnly,
        stackableWithPlatform, stackingGroup, exclusive, grossMarginBp,
        variants == null ? null : variants.stream().map(v -> v == null ? null
            : new Variant(v.name(), v.weight() == null ? 0 : v.weight(), v.faceValueMinor() == null ? 0 : v.faceValueMinor())).toList(),
        draft);
  }
}
