package com.sellergrowth.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.support.problem.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CouponDraftValidatorTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final OptionalLong MIN_PRICE = OptionalLong.of(50_00);

  static CouponDraft valid() {
    return new CouponDraft("Winter", "THRESHOLD", "USD", 5_00L, 30_00L, NOW, NOW.plus(Duration.ofDays(7)), 100L, null, List.of("US"),
        new ProductPool(List.of("spu-1"), null, null), null, null, null, null, null, null, null, null);
  }

  static List<String> codes(List<FieldError> errors) {
    return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
  }

  @Test
  void validDraftHasNoErrors() {
    assertThat(CouponDraftValidator.validate(valid(), NOW, MIN_PRICE)).isEmpty();
  }

  // CPN-5
  @Test
  void everyMissingFieldIsReportedAtOnce_CPN5() {
    CouponDraft empty = new CouponDraft(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
    assertThat(codes(CouponDraftValidator.validate(empty, NOW, OptionalLong.empty()))).containsExactlyInAnyOrder(
        "name:ERR_REQUIRED", "type:ERR_REQUIRED", "currency:ERR_REQUIRED", "faceValueMinor:ERR_REQUIRED", "minOrderMinor:ERR_REQUIRED",
        "startsAt:ERR_REQUIRED", "endsAt:ERR_REQUIRED", "totalQuantity:ERR_REQUIRED", "targetCountries:ERR_REQUIRED", "pool:ERR_REQUIRED");
  }

  // CPN-1
  @Test
  void minimumOrderBelowTenDollarsIsRefused_CPN1() {
    CouponDraft d = withMinOrder(valid(), 9_99L);
    assertThat(codes(CouponDraftValidator.validate(d, NOW, MIN_PRICE))).containsExactly("minOrderMinor:ERR_MIN_ORDER_TOO_LOW");
    assertThat(CouponDraftValidator.validate(withMinOrder(valid(), 10_00L), NOW, MIN_PRICE)).isEmpty();
  }

  // CPN-1
  @Test
  void unknownTypeIsRefused_CPN1() {
    CouponDraft d = new CouponDraft("n", "BOGO", "USD", 5_00L, 30_00L, NOW, NOW.plus(Duration.ofDays(2)), 1L, null, List.of("US"),
        new ProductPool(List.of("s"), null, null), null, null, null, null, null, null, null, null);
    assertThat(codes(CouponDraftValidator.validate(d, NOW, MIN_PRICE))).containsExactly("type:ERR_UNKNOWN_VALUE");
  }

  // CPN-2
  @Test
  void validityIsBetweenOneAndNinetyDays_CPN2() {
    assertThat(codes(CouponDraftValidator.validate(withWindow(NOW, NOW.plus(Duration.ofHours(23))), NOW, MIN_PRICE)))
        .containsExactly("endsAt:ERR_VALIDITY_TOO_SHORT");
    assertThat(codes(CouponDraftValidator.validate(withWindow(NOW, NOW.plus(Duration.ofDays(90)).plusSeconds(1)), NOW, MIN_PRICE)))
        .containsExactly("endsAt:ERR_VALIDITY_TOO_LONG");
    assertThat(CouponDraftValidator.validate(withWindow(NOW, NOW.plus(Duration.ofDays(1))), NOW, MIN_PRICE)).isEmpty();
    assertThat(CouponDraftValidator.validate(withWindow(NOW, NOW.plus(Duration.ofDays(90))), NOW, MIN_PRICE)).isEmpty();
  }

  // CPN-4
  @Test
  void faceValueAboveHalfOfTheCheapestPoolProductIsRefused_CPN4() {
    CouponDraft d = withFace(valid(), 25_01L);
    assertThat(codes(CouponDraftValidator.validate(d, NOW, MIN_PRICE))).containsExactly("faceValueMinor:ERR_FACE_VALUE_TOO_HIGH");
    assertThat(CouponDraftValidator.validate(withFace(valid(), 25_00L), NOW, MIN_PRICE)).isEmpty();
    // an odd price: 50% of 50.01 is 25.005, so 25.00 passes and 25.01 does not
    assertThat(CouponDraftValidator.validate(withFace(valid(), 25_00L), NOW, OptionalLong.of(50_01))).isEmpty();
    assertThat(codes(CouponDraftValidator.validate(withFace(valid(), 25_01L), NOW, OptionalLong.of(50_01))))
        .contains("faceValueMinor:ERR_FACE_VALUE_TOO_HIGH");
  }

  // CPN-4, issue 15: 2 x 2^62 overflowed into a negative number and passed
  @Test
  void aFaceValueNearTheTopOfTheLongRangeDoesNotOverflowPastTheRule_CPN4() {
    assertThat(codes(CouponDraftValidator.validate(withFace(valid(), 4_611_686_018_427_387_904L), NOW, MIN_PRICE)))
        .contains("faceValueMinor:ERR_FACE_VALUE_TOO_HIGH");
    assertThat(codes(CouponDraftValidator.validate(withFace(valid(), Long.MAX_VALUE), NOW, MIN_PRICE)))
        .contains("faceValueMinor:ERR_FACE_VALUE_TOO_HIGH");
  }

  // Issue 15: money has explicit bounds (MoneyBounds), at 10^12 minor units, inclusive
  @Test
  void amountsPastTheMoneyBoundAreRefusedEachByName() {
    long max = MoneyBounds.MAX_AMOUNT_MINOR;
    CouponDraft v = valid();
    CouponDraft atBounds = new CouponDraft(v.name(), v.type(), v.currency(), v.faceValueMinor(), max, v.startsAt(), v.endsAt(),
        v.totalQuantity(), max, v.targetCountries(), v.pool(), null, null, null, null, null, null, null, null);
    assertThat(CouponDraftValidator.validate(atBounds, NOW, MIN_PRICE)).isEmpty();
    CouponDraft past = new CouponDraft(v.name(), v.type(), v.currency(), v.faceValueMinor(), max + 1, v.startsAt(), v.endsAt(),
        v.totalQuantity(), max + 1, v.targetCountries(), v.pool(), null, null, null, null, null, null, null, null);
    assertThat(codes(CouponDraftValidator.validate(past, NOW, MIN_PRICE)))
        .containsExactlyInAnyOrder("minOrderMinor:ERR_OUT_OF_RANGE", "budgetMinor:ERR_OUT_OF_RANGE");
    CouponDraft noThreshold = new CouponDraft(v.name(), "NO_THRESHOLD", v.currency(), max + 1, v.minOrderMinor(), v.startsAt(), v.endsAt(),
        v.totalQuantity(), null, v.targetCountries(), v.pool(), null, null, null, null, null, null, null, null);
    assertThat(codes(CouponDraftValidator.validate(noThreshold, NOW, MIN_PRICE))).contains("faceValueMinor:ERR_OUT_OF_RANGE");
    // without a budget, quantity x face value is the budget: 10^6 coupons of 10^6 + 1 pass it (and 10^7 x 10^12 overflowed a long)
    CouponDraft implied = new CouponDraft(v.name(), "NO_THRESHOLD", v.currency(), 1_000_001L, v.minOrderMinor(), v.startsAt(), v.endsAt(),
        1_000_000L, null, v.targetCountries(), v.pool(), null, null, null, null, null, null, null, null);
    assertThat(codes(CouponDraftValidator.validate(implied, NOW, MIN_PRICE))).contains("totalQuantity:ERR_OUT_OF_RANGE");
    CouponDraft atImplied = new CouponDraft(v.name(), "NO_THRESHOLD", v.currency(), 1_000_000L, v.minOrderMinor(), v.startsAt(), v.endsAt(),
        1_000_000L, null, v.targetCountries(), v.pool(), null, null, null, null, null, null, null, null);
    assertThat(codes(CouponDraftValidator.validate(atImplied, NOW, MIN_PRICE))).doesNotContain("totalQuantity:ERR_OUT_OF_RANGE");
    CouponDraft variants = withVariants(List.of(new Variant("A", 50, 5_00), new Variant("B", 50, max + 1)));
    assertThat(codes(CouponDraftValidator.validate(variants, NOW, MIN_PRICE))).contains("variants[1].faceValueMinor:ERR_OUT_OF_RANGE");
  }

  // Issue 15 input 3: a NUL character in a coupon's name was a 500
  @Test
  void aNameWithAControlCharacterIsRefused() {
    CouponDraft v = valid();
    CouponDraft d = new CouponDraft("Winter\u0000sale", v.type(), v.currency(), v.faceValueMinor(), v.minOrderMinor(), v.startsAt(), v.endsAt(),
        v.totalQuantity(), v.budgetMinor(), v.targetCountries(), v.pool(), null, null, null, null, null, null, null, null);
    assertThat(codes(CouponDraftValidator.validate(d, NOW, MIN_PRICE))).containsExactly("name:ERR_CONTROL_CHARACTER");
  }

  // CPN-6
  @Test
  void poolNeedsAtLeastOneSpuCategoryOrBrand_CPN6() {
    CouponDraft d = withPool(new ProductPool(List.of(), List.of(), List.of()));
    assertThat(codes(CouponDraftValidator.validate(d, NOW, MIN_PRICE))).containsExactly("pool:ERR_REQUIRED");
    assertThat(CouponDraftValidator.validate(withPool(new ProductPool(null, null, List.of("brand-1"))), NOW, MIN_PRICE)).isEmpty();
  }

  // CPN-7
  @Test
  void countriesMustBeIsoCodes_CPN7() {
    CouponDraft d = new CouponDraft("n", "THRESHOLD", "USD", 5_00L, 30_00L, NOW, NOW.plus(Duration.ofDays(2)), 1L, null, List.of("US", "XX"),
        new ProductPool(List.of("s"), null, null), null, null, null, null, null, null, null, null);
    assertThat(codes(CouponDraftValidator.validate(d, NOW, MIN_PRICE))).containsExactly("targetCountries[1]:ERR_UNKNOWN_COUNTRY");
  }

  // CPN-16
  @Test
  void variantsAreValidatedLikeTheCoupon_CPN16() {
    CouponDraft d = withVariants(List.of(new Variant("A", 50, 5_00), new Variant("A", 0, 30_00)));
    assertThat(codes(CouponDraftValidator.validate(d, NOW, MIN_PRICE))).containsExactlyInAnyOrder("variants[1].name:ERR_DUPLICATE",
        "variants[1].weight:ERR_NOT_POSITIVE", "variants[1].faceValueMinor:ERR_FACE_VALUE_NOT_BELOW_THRESHOLD",
        "variants[1].faceValueMinor:ERR_FACE_VALUE_TOO_HIGH");
  }

  static CouponDraft withMinOrder(CouponDraft v, Long min) {
    return new CouponDraft(v.name(), v.type(), v.currency(), v.faceValueMinor(), min, v.startsAt(), v.endsAt(), v.totalQuantity(),
        v.budgetMinor(), v.targetCountries(), v.pool(), null, null, null, null, null, null, null, null);
  }

  static CouponDraft withFace(CouponDraft v, Long face) {
    return new CouponDraft(v.name(), v.type(), v.currency(), face, v.minOrderMinor(), v.startsAt(), v.endsAt(), v.totalQuantity(),
        v.budgetMinor(), v.targetCountries(), v.pool(), null, null, null, null, null, null, null, null);
  }

  static CouponDraft withWindow(Instant start, Instant end) {
    CouponDraft v = valid();
    return new CouponDraft(v.name(), v.type(), v.currency(), v.faceValueMinor(), v.minOrderMinor(), start, end, v.totalQuantity(),
        v.budgetMinor(), v.targetCountries(), v.pool(), null, null, null, null, null, null, null, null);
  }

  static CouponDraft withPool(ProductPool pool) {
    CouponDraft v = valid();
    return new CouponDraft(v.name(), v.type(), v.currency(), v.faceValueMinor(), v.minOrderMinor(), v.startsAt(), v.endsAt(),
        v.totalQuantity(), v.budgetMinor(), v.targetCountries(), pool, null, null, null, null, null, null, null, null);
  }

  static CouponDraft withVariants(List<Variant> variants) {
    CouponDraft v = valid();
    return new CouponDraft(v.name(), v.type(), v.currency(), v.faceValueMinor(), v.minOrderMinor(), v.startsAt(), v.endsAt(),
        v.totalQuantity(), v.budgetMinor(), v.targetCountries(), v.pool(), null, null, null, null, null, null, variants, null);
  }
}
