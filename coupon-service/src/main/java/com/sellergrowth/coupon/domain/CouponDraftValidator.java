package com.sellergrowth.coupon.domain;

import com.sellergrowth.support.problem.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Validates a whole draft at once (CPN-5): every broken field is reported in one answer, each with a code and a message.
 * Pure: the caller passes what it knows of the pool's prices.
 */
public final class CouponDraftValidator {
  /** CPN-1: at least USD 10. */
  public static final long MIN_ORDER_FLOOR_MINOR = 10_00;
  public static final Duration MIN_VALIDITY = Duration.ofDays(1);
  public static final Duration MAX_VALIDITY = Duration.ofDays(90);
  public static final long MAX_QUANTITY = 10_000_000;
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  /** Amounts are checked against the USD floor without FX: other currencies are refused until rates are wired in. */
  private static final Set<String> CURRENCIES = Set.of("USD");

  /**
   * @param minPoolPriceMinor the lowest known price of a product in the draft's pool, empty when the pool has no priced product yet
   */
  public static List<FieldError> validate(CouponDraft d, Instant now, OptionalLong minPoolPriceMinor) {
    List<FieldError> errors = new ArrayList<>();
    if (blank(d.name())) {
      errors.add(required("name"));
    } else if (d.name().length() > 100) {
      errors.add(new FieldError("name", "ERR_TOO_LONG", "name has at most 100 characters"));
    } else if (d.name().chars().anyMatch(Character::isISOControl)) { // issue 15 input 3: a NUL was a 500
      errors.add(new FieldError("name", "ERR_CONTROL_CHARACTER", "name has no control characters"));
    }
    CouponType type = null;
    if (blank(d.type())) {
      errors.add(required("type"));
    } else {
      try {
        type = CouponType.valueOf(d.type());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("type", "ERR_UNKNOWN_VALUE", "type is THRESHOLD or NO_THRESHOLD"));
      }
    }
    if (blank(d.currency())) {
      errors.add(required("currency"));
    } else if (!CURRENCIES.contains(d.currency())) {
      errors.add(new FieldError("currency", "ERR_CURRENCY_UNSUPPORTED", "coupons are issued in USD"));
    }
    if (d.faceValueMinor() == null) {
      errors.add(required("faceValueMinor"));
    } else if (d.faceValueMinor() <= 0) {
      errors.add(new FieldError("faceValueMinor", "ERR_NOT_POSITIVE", "faceValueMinor must be greater than 0"));
    } else if (d.faceValueMinor() > MoneyBounds.MAX_AMOUNT_MINOR) {
      errors.add(tooLarge("faceValueMinor"));
    }
    if (d.minOrderMinor() == null) {
      errors.add(required("minOrderMinor"));
    } else if (d.minOrderMinor() < MIN_ORDER_FLOOR_MINOR) { // CPN-1
      errors.add(new FieldError("minOrderMinor", "ERR_MIN_ORDER_TOO_LOW", "the minimum order amount is at least USD 10.00 (1000)"));
    } else if (d.minOrderMinor() > MoneyBounds.MAX_AMOUNT_MINOR) {
      errors.add(tooLarge("minOrderMinor"));
    } else if (type == CouponType.THRESHOLD && d.faceValueMinor() != null && d.faceValueMinor() >= d.minOrderMinor()) {
      errors.add(new FieldError("faceValueMinor", "ERR_FACE_VALUE_NOT_BELOW_THRESHOLD",
          "a threshold coupon's face value must be below its minimum order amount"));
    }
    validateWindow(d, now, errors);
    if (d.totalQuantity() == null) {
      errors.add(required("totalQuantity"));
    } else if (d.totalQuantity() < 1 || d.totalQuantity() > MAX_QUANTITY) {
      errors.add(new FieldError("totalQuantity", "ERR_OUT_OF_RANGE", "totalQuantity is between 1 and " + MAX_QUANTITY));
    }
    if (d.budgetMinor() == null && d.totalQuantity() != null && d.totalQuantity() > 0 && d.faceValueMinor() != null
        && d.faceValueMinor() > MoneyBounds.MAX_AMOUNT_MINOR / d.totalQuantity()) { // without a budget, quantity x face value is it
      errors.add(new FieldError("totalQuantity", "ERR_OUT_OF_RANGE", "without a budget, totalQuantity x faceValueMinor is at most "
          + MoneyBounds.MAX_AMOUNT_MINOR + " (MoneyBounds)"));
    }
    if (d.budgetMinor() != null && d.budgetMinor() > MoneyBounds.MAX_AMOUNT_MINOR) {
      errors.add(tooLarge("budgetMinor"));
    } else if (d.budgetMinor() != null && d.faceValueMinor() != null && d.budgetMinor() < d.faceValueMinor()) {
      errors.add(new FieldError("budgetMinor", "ERR_BUDGET_TOO_LOW", "the budget must cover at least one coupon's face value"));
    }
    if (d.targetCountries() == null || d.targetCountries().isEmpty()) {
      errors.add(required("targetCountries"));
    } else {
      for (int i = 0; i < d.targetCountries().size(); i++) {
        String c = d.targetCountries().get(i);
        if (c == null || !COUNTRIES.contains(c)) {
          errors.add(new FieldError("targetCountries[" + i + "]", "ERR_UNKNOWN_COUNTRY", "not an ISO 3166-1 alpha-2 country code"));
        }
      }
    }
    if (d.pool() == null || d.pool().isEmpty()) { // CPN-6
      errors.add(new FieldError("pool", "ERR_REQUIRED", "the product pool names at least one SPU, category or brand"));
    } else if (minPoolPriceMinor.isEmpty()) {
      errors.add(new FieldError("pool", "ERR_POOL_UNKNOWN", "no product of this pool is known yet (no stock sync with a price)"));
    }
    if (d.grossMarginBp() != null && (d.grossMarginBp() <= 0 || d.grossMarginBp() > 10_000)) {
      errors.add(new FieldError("grossMarginBp", "ERR_OUT_OF_RANGE", "grossMarginBp is between 1 and 10000 basis points"));
    }
    if (d.stackingGroup() != null && (d.stackingGroup().isBlank() || d.stackingGroup().length() > 50)) {
      errors.add(new FieldError("stackingGroup", "ERR_OUT_OF_RANGE", "stackingGroup has 1 to 50 characters"));
    }
    checkFaceValueAgainstPool("faceValueMinor", d.faceValueMinor(), minPoolPriceMinor, errors);
    validateVariants(d, minPoolPriceMinor, errors);
    return errors;
  }

  private static void validateWindow(CouponDraft d, Instant now, List<FieldError> errors) {
    if (d.startsAt() == null) {
      errors.add(required("startsAt"));
    }
    if (d.endsAt() == null) {
      errors.add(required("endsAt"));
    }
    if (d.startsAt() != null && d.endsAt() != null) { // CPN-2
      Duration validity = Duration.between(d.startsAt(), d.endsAt());
      if (validity.compareTo(MIN_VALIDITY) < 0) {
        errors.add(new FieldError("endsAt", "ERR_VALIDITY_TOO_SHORT", "validity is at least 1 day"));
      } else if (validity.compareTo(MAX_VALIDITY) > 0) {
        errors.add(new FieldError("endsAt", "ERR_VALIDITY_TOO_LONG", "validity is at most 90 days"));
      }
      if (!d.endsAt().isAfter(now)) {
        errors.add(new FieldError("endsAt", "ERR_IN_THE_PAST", "endsAt is in the past"));
      }
    }
  }

  private static void validateVariants(CouponDraft d, OptionalLong minPoolPriceMinor, List<FieldError> errors) {
    if (d.variants() == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < d.variants().size(); i++) {
      Variant v = d.variants().get(i);
      String at = "variants[" + i + "]";
      if (v == null) {
        errors.add(required(at));
        continue;
      }
      if (blank(v.name())) {
        errors.add(required(at + ".name"));
      } else if (!names.add(v.name())) {
        errors.add(new FieldError(at + ".name", "ERR_DUPLICATE", "variant names are unique"));
      }
      if (v.weight() <= 0) {
        errors.add(new FieldError(at + ".weight", "ERR_NOT_POSITIVE", "weight must be greater than 0"));
      }
      if (v.faceValueMinor() <= 0) {
        errors.add(new FieldError(at + ".faceValueMinor", "ERR_NOT_POSITIVE", "faceValueMinor must be greater than 0"));
      } else if (v.faceValueMinor() > MoneyBounds.MAX_AMOUNT_MINOR) {
        errors.add(tooLarge(at + ".faceValueMinor"));
      } else if (d.minOrderMinor() != null && "THRESHOLD".equals(d.type()) && v.faceValueMinor() >= d.minOrderMinor()) {
        errors.add(new FieldError(at + ".faceValueMinor", "ERR_FACE_VALUE_NOT_BELOW_THRESHOLD",
            "a threshold coupon's face value must be below its minimum order amount"));
      }
      checkFaceValueAgainstPool(at + ".faceValueMinor", v.faceValueMinor(), minPoolPriceMinor, errors);
    }
    if (d.variants().size() == 1) {
      errors.add(new FieldError("variants", "ERR_TOO_FEW", "an A/B test has at least 2 variants"));
    }
  }

  /**
   * CPN-4: a face value above 50% of the price of any product in the pool is refused. Compared as face > price / 2 (the same
   * for whole numbers as 2 x face > price) so that no face value overflows into a pass (issue 15: 2^62 was accepted).
   */
  private static void checkFaceValueAgainstPool(String field, Long faceValue, OptionalLong minPoolPrice, List<FieldError> errors) {
    if (faceValue != null && faceValue > 0 && minPoolPrice.isPresent() && faceValue > minPoolPrice.getAsLong() / 2) {
      errors.add(new FieldError(field, "ERR_FACE_VALUE_TOO_HIGH",
          "the face value exceeds 50% of the price of a product in the pool (lowest price " + minPoolPrice.getAsLong() + ")"));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static FieldError required(String field) {
    return new FieldError(field, "ERR_REQUIRED", field + " is required");
  }

  private static FieldError tooLarge(String field) {
    return new FieldError(field, "ERR_OUT_OF_RANGE", field + " is at most " + MoneyBounds.MAX_AMOUNT_MINOR + " (MoneyBounds)");
  }

  private CouponDraftValidator() {
  }
}
