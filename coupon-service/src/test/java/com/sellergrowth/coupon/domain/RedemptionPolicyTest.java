package com.sellergrowth.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedemptionPolicyTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final ProductPool POOL = new ProductPool(List.of("spu-1"), List.of("cat-9"), null);
  static final String STANDARD = "AliExpress Standard Shipping";

  static CouponTerms terms(boolean logisticsRestricted, boolean firstOrderOnly, CouponStatus status, String pausedBy) {
    return new CouponTerms("c1", "s1", status, pausedBy, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), 30_00, "USD", POOL,
        logisticsRestricted, firstOrderOnly, "default", true);
  }

  static List<OrderLineView> lines(long poolAmount, long otherAmount) {
    return List.of(new OrderLineView("spu-1", "cat-1", null, 1, poolAmount), new OrderLineView("spu-2", "cat-2", null, 1, otherAmount));
  }

  // CPN-13
  @Test
  void orderOnOfficialLogisticsMeetingTheMinimumRedeems_CPN13() {
    assertThat(RedemptionPolicy.check(terms(true, false, CouponStatus.ACTIVE, null), "s1", "USD", lines(30_00, 5_00), STANDARD, false, NOW))
        .isEmpty();
  }

  // CPN-13
  @Test
  void onlyPoolProductsCountTowardsTheMinimum_CPN13() {
    assertThat(RedemptionPolicy.check(terms(true, false, CouponStatus.ACTIVE, null), "s1", "USD", lines(29_99, 100_00), STANDARD, false, NOW))
        .contains(RefusalCode.ERR_MIN_AMOUNT);
    assertThat(RedemptionPolicy.check(terms(true, false, CouponStatus.ACTIVE, null), "s1", "USD",
        List.of(new OrderLineView("spu-x", "cat-x", null, 1, 99_00)), STANDARD, false, NOW)).contains(RefusalCode.ERR_POOL);
  }

  // CPN-11
  @Test
  void otherLogisticsAreRefusedWhileTheSwitchIsOn_CPN11() {
    assertThat(RedemptionPolicy.check(terms(true, false, CouponStatus.ACTIVE, null), "s1", "USD", lines(40_00, 0), "Seller Own Courier", false,
        NOW)).contains(RefusalCode.ERR_LOGISTICS);
    assertThat(RedemptionPolicy.check(terms(false, false, CouponStatus.ACTIVE, null), "s1", "USD", lines(40_00, 0), "Seller Own Courier", false,
        NOW)).isEmpty();
  }

  // CPN-12
  @Test
  void firstOrderOnlyRefusesABuyerWithAnEarlierOrder_CPN12() {
    assertThat(RedemptionPolicy.check(terms(true, true, CouponStatus.ACTIVE, null), "s1", "USD", lines(40_00, 0), STANDARD, true, NOW))
        .contains(RefusalCode.ERR_NOT_FIRST_ORDER);
  }

  // CPN-13
  @Test
  void expiredAnotherSellersOrRiskPausedCouponsDoNotRedeem_CPN13() {
    assertThat(RedemptionPolicy.check(terms(true, false, CouponStatus.ACTIVE, null), "s1", "USD", lines(40_00, 0), STANDARD, false,
        NOW.plus(Duration.ofDays(2)))).contains(RefusalCode.ERR_COUPON_EXPIRED);
    assertThat(RedemptionPolicy.check(terms(true, false, CouponStatus.ACTIVE, null), "s2", "USD", lines(40_00, 0), STANDARD, false, NOW))
        .contains(RefusalCode.ERR_CLAIM_NOT_USABLE);
    assertThat(RedemptionPolicy.check(terms(true, false, CouponStatus.PAUSED, "RISK"), "s1", "USD", lines(40_00, 0), STANDARD, false, NOW))
        .contains(RefusalCode.ERR_COUPON_PAUSED);
    assertThat(RedemptionPolicy.check(terms(true, false, CouponStatus.PAUSED, "SELLER"), "s1", "USD", lines(40_00, 0), STANDARD, false, NOW))
        .isEmpty();
  }

  @Test
  void discountIsTheFaceValueCappedAtThePoolAmount() {
    assertThat(RedemptionPolicy.discount(5_00, POOL, lines(40_00, 0))).isEqualTo(5_00);
    assertThat(RedemptionPolicy.discount(5_00, POOL, List.of(new OrderLineView("spu-1", "c", null, 1, 3_00)))).isEqualTo(3_00);
  }
}
