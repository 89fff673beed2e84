package com.sellergrowth.coupon.api;

import com.sellergrowth.coupon.domain.CouponDraft;
import com.sellergrowth.coupon.domain.ProductPool;
import com.sellergrowth.coupon.domain.Variant;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Create a coupon. Money in minor units (cents) of {@code currency}. {@code logisticsRestricted} defaults to true (CPN-11),
 * {@code exclusive} to true, {@code stackingGroup} to "default"; {@code draft=true} keeps it a DRAFT until published.
 */
public record CreateCouponRequest(String name, String type, String currency, Long faceValueMinor, Long minOrderMinor, Instant startsAt,
    Instant endsAt, Long totalQuantity, Long budgetMinor, List<String> targetCountries, PoolDto pool, Boolean logisticsRestricted,
    Boolean firstOrderOnly, Boolean stackableWithPlatform, String stackingGroup, Boolean exclusive, Integer grossMarginBp,
    List<VariantDto> variants, Boolean draft) {

  /** Most entries a pool list may name. */
  static final int MAX_POOL_ENTRIES = 1_000;

  /** CPN-6. */
  public record PoolDto(List<String> spus, List<String> categories, List<String> brands) {
  }

  /** CPN-16. */
  public record VariantDto(String name, Integer weight, Long faceValueMinor) {
  }

  CouponDraft toDraft() {
    if (pool != null) { // a list with a null, blank or control-character entry names no product: refused, never a 500 (issue 15)
      List<FieldError> errors = new ArrayList<>();
      poolEntries("pool.spus", pool.spus(), errors);
      poolEntries("pool.categories", pool.categories(), errors);
      poolEntries("pool.brands", pool.brands(), errors);
      if (!errors.isEmpty()) {
        throw ApiException.invalid(errors);
      }
    }
    return new CouponDraft(name, type, currency, faceValueMinor, minOrderMinor, startsAt, endsAt, totalQuantity, budgetMinor, targetCountries,
        pool == null ? null : new ProductPool(pool.spus(), pool.categories(), pool.brands()), logisticsRestricted, firstOrderOnly,
        stackableWithPlatform, stackingGroup, exclusive, grossMarginBp,
        variants == null ? null : variants.stream().map(v -> v == null ? null
            : new Variant(v.name(), v.weight() == null ? 0 : v.weight(), v.faceValueMinor() == null ? 0 : v.faceValueMinor())).toList(),
        draft);
  }

  private static void poolEntries(String field, List<String> values, List<FieldError> errors) {
    if (values == null) {
      return;
    }
    if (values.size() > MAX_POOL_ENTRIES) {
      errors.add(new FieldError(field, "ERR_LIST_SIZE", "at most " + MAX_POOL_ENTRIES + " entries"));
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null || v.isBlank() || v.length() > 128 || v.chars().anyMatch(Character::isISOControl)) {
        errors.add(new FieldError(field + "[" + i + "]", "ERR_POOL_ENTRY", "an id of 1 to 128 characters, no control characters"));
      }
    }
  }
}
