package com.sellergrowth.coupon.domain;

import static com.sellergrowth.coupon.domain.CouponDraftValidatorTest.NOW;
import static com.sellergrowth.coupon.domain.CouponDraftValidatorTest.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Every numeric and length bound of a coupon draft at its edge: the last value accepted and the first refused (SPEC section
 * 9, issue 15; CPN-1, CPN-4, CPN-16). A pool whose cheapest product costs 10^13 keeps CPN-4 out of the way of the money bounds.
 */
class CouponDraftBoundsTest {
  private static final long MAX = MoneyBounds.MAX_AMOUNT_MINOR;
  private static final OptionalLong RICH_POOL = OptionalLong.of(10 * MAX);

  /** A valid NO_THRESHOLD draft with a budget, changed by {@code overrides} (field name -> value). */
  private static CouponDraft draft(Map<String, Object> overrides) {
    Map<String, Object> f = new HashMap<>(Map.of("name", "Winter", "type", "NO_THRESHOLD", "face", 5_00L, "min", 30_00L, "quantity", 100L));
    f.put("budget", 100_000_00L);
    f.putAll(overrides);
    return new CouponDraft((String) f.get("name"), (String) f.get("type"), "USD", (Long) f.get("face"), (Long) f.get("min"), NOW,
        NOW.plus(Duration.ofDays(7)), (Long) f.get("quantity"), (Long) f.get("budget"), List.of("US"),
        new ProductPool(List.of("spu-1"), null, null), null, null, null, (String) f.get("group"), null, (Integer) f.get("margin"),
        (List<Variant>) f.get("variants"), null);
  }

  private static List<String> check(Map<String, Object> overrides) {
    return codes(CouponDraftValidator.validate(draft(overrides), NOW, RICH_POOL));
  }

  private static Map<String, Object> with(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void theDraftUsedHereIsValid() {
    assertThat(check(Map.of())).isEmpty();
  }

  @Test
  void moneyBoundsIncludeZeroAndTheCeiling() {
    assertThat(MoneyBounds.amount(-1)).isFalse();
    assertThat(MoneyBounds.amount(0)).isTrue();
    assertThat(MoneyBounds.amount(MAX)).isTrue();
    assertThat(MoneyBounds.amount(MAX + 1)).isFalse();
  }

  @Test
  void faceValueFromOneToTheCeiling() {
    assertThat(check(with("face", 0L))).containsExactly("faceValueMinor:ERR_NOT_POSITIVE");
    assertThat(check(with("face", 1L))).isEmpty();
    assertThat(check(with("face", MAX, "budget", MAX, "min", MAX))).isEmpty();
    assertThat(check(with("face", MAX + 1, "budget", MAX, "min", MAX))).contains("faceValueMinor:ERR_OUT_OF_RANGE");
  }

  // CPN-1: a threshold coupon's face value is below its minimum order amount
  @Test
  void aThresholdCouponsFaceValueIsBelowItsMinimumOrder_CPN1() {
    assertThat(check(with("type", "THRESHOLD", "face", 30_00L))).containsExactly("faceValueMinor:ERR_FACE_VALUE_NOT_BELOW_THRESHOLD");
    assertThat(check(with("type", "THRESHOLD", "face", 29_99L))).isEmpty();
    assertThat(check(with("type", "NO_THRESHOLD", "face", 30_00L))).isEmpty();
    assertThat(check(with("min", 9_99L))).containsExactly("minOrderMinor:ERR_MIN_ORDER_TOO_LOW");
    assertThat(check(with("min", 10_00L))).isEmpty();
  }

  // without a budget, quantity x face value is the budget, and it is money too
  @Test
  void theImpliedBudgetReachesTheCeilingAndNoFurther() {
    assertThat(check(with("budget", null, "quantity", 1_000_000L, "face", 1_000_000L))).isEmpty();
    assertThat(check(with("budget", null, "quantity", 1_000_000L, "face", 1_000_001L))).containsExactly("totalQuantity:ERR_OUT_OF_RANGE");
    assertThat(check(with("budget", null, "quantity", 1L, "face", MAX, "min", MAX))).isEmpty();
    assertThat(check(with("budget", null, "quantity", 1L, "face", MAX + 1, "min", MAX)))
        .containsExactlyInAnyOrder("faceValueMinor:ERR_OUT_OF_RANGE", "totalQuantity:ERR_OUT_OF_RANGE");
  }

  @Test
  void theBudgetCoversOneCouponAtLeastAndStaysUnderTheCeiling() {
    assertThat(check(with("budget", 5_00L))).isEmpty();
    assertThat(check(with("budget", 4_99L))).containsExactly("budgetMinor:ERR_BUDGET_TOO_LOW");
    assertThat(check(with("budget", MAX))).isEmpty();
    assertThat(check(with("budget", MAX + 1))).containsExactly("budgetMinor:ERR_OUT_OF_RANGE");
  }

  @Test
  void nameMarginAndStackingGroupAtTheirEdges() {
    assertThat(check(with("name", "n".repeat(100)))).isEmpty();
    assertThat(check(with("name", "n".repeat(101)))).containsExactly("name:ERR_TOO_LONG");
    assertThat(check(with("margin", 0))).containsExactly("grossMarginBp:ERR_OUT_OF_RANGE");
    assertThat(check(with("margin", 1))).isEmpty();
    assertThat(check(with("margin", 10_000))).isEmpty();
    assertThat(check(with("margin", 10_001))).containsExactly("grossMarginBp:ERR_OUT_OF_RANGE");
    assertThat(check(with("group", ""))).containsExactly("stackingGroup:ERR_OUT_OF_RANGE");
    assertThat(check(with("group", "g".repeat(50)))).isEmpty();
    assertThat(check(with("group", "g".repeat(51)))).containsExactly("stackingGroup:ERR_OUT_OF_RANGE");
  }

  // CPN-16
  @Test
  void variantFaceValuesFromOneToTheCeiling_CPN16() {
    assertThat(check(with("variants", List.of(new Variant("A", 50, 1), new Variant("B", 50, MAX)), "min", MAX, "budget", MAX))).isEmpty();
    assertThat(check(with("variants", List.of(new Variant("A", 50, 0), new Variant("B", 50, MAX + 1)), "min", MAX, "budget", MAX)))
        .containsExactlyInAnyOrder("variants[0].faceValueMinor:ERR_NOT_POSITIVE", "variants[1].faceValueMinor:ERR_OUT_OF_RANGE");
    assertThat(check(with("variants", List.of(new Variant("A", 50, 5_00))))).containsExactly("variants:ERR_TOO_FEW");
  }

  // CPN-4 at its edge: exactly half of the cheapest product passes
  @Test
  void halfOfTheCheapestProductPassesAndOneMinorUnitMoreDoesNot_CPN4() {
    assertThat(codes(CouponDraftValidator.validate(draft(with("face", 25_00L)), NOW, OptionalLong.of(50_00)))).isEmpty();
    assertThat(codes(CouponDraftValidator.validate(draft(with("face", 25_01L)), NOW, OptionalLong.of(50_00))))
        .containsExactly("faceValueMinor:ERR_FACE_VALUE_TOO_HIGH");
  }
}
