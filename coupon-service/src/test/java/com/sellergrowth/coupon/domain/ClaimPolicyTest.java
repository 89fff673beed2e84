package com.sellergrowth.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimPolicyTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  static ClaimCheck check(CouponStatus status, String country, long arbitrations, boolean firstOnly, boolean hadOrders, long sellable,
      boolean stale) {
    return new ClaimCheck(status, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), List.of("US", "FR"), firstOnly, country,
        arbitrations, hadOrders, sellable, stale);
  }

  static Optional<RefusalCode> eval(ClaimCheck c) {
    return ClaimPolicy.check(c, NOW);
  }

  @Test
  void activeCouponInRegionWithFreshStockIsClaimable() {
    assertThat(eval(check(CouponStatus.ACTIVE, "US", 0, false, false, 1, false))).isEmpty();
  }

  // CPN-7
  @Test
  void buyerCountryOutsideTargetsIsRefused_CPN7() {
    assertThat(eval(check(CouponStatus.ACTIVE, "DE", 0, false, false, 1, false))).contains(RefusalCode.ERR_COUPON_REGION);
  }

  // CPN-8
  @Test
  void poolWithoutSellableStockOrWithLateSyncIsRefused_CPN8() {
    assertThat(eval(check(CouponStatus.ACTIVE, "US", 0, false, false, 0, false))).contains(RefusalCode.ERR_STOCK_SYNC_FAIL);
    assertThat(eval(check(CouponStatus.ACTIVE, "US", 0, false, false, 3, true))).contains(RefusalCode.ERR_STOCK_SYNC_FAIL);
  }

  // CPN-9
  @Test
  void twoArbitrationsBarTheBuyerButOneDoesNot_CPN9() {
    assertThat(eval(check(CouponStatus.ACTIVE, "US", 2, false, false, 1, false))).contains(RefusalCode.ERR_BUYER_DISPUTES);
    assertThat(eval(check(CouponStatus.ACTIVE, "US", 1, false, false, 1, false))).isEmpty();
  }

  // CPN-12
  @Test
  void firstOrderOnlyRefusesReturningBuyers_CPN12() {
    assertThat(eval(check(CouponStatus.ACTIVE, "US", 0, true, true, 1, false))).contains(RefusalCode.ERR_NOT_FIRST_ORDER);
    assertThat(eval(check(CouponStatus.ACTIVE, "US", 0, false, true, 1, false))).isEmpty();
  }

  // CPN-17
  @Test
  void statusDecidesBeforeAnythingElse_CPN17() {
    assertThat(eval(check(CouponStatus.PAUSED, "DE", 5, false, false, 0, false))).contains(RefusalCode.ERR_COUPON_PAUSED);
    assertThat(eval(check(CouponStatus.ENDED, "US", 0, false, false, 1, false))).contains(RefusalCode.ERR_COUPON_ENDED);
    ClaimCheck future = new ClaimCheck(CouponStatus.ACTIVE, NOW.plusSeconds(1), NOW.plus(Duration.ofDays(1)), List.of("US"), false, "US", 0,
        false, 1, false);
    assertThat(eval(future)).contains(RefusalCode.ERR_COUPON_NOT_STARTED);
    ClaimCheck past = new ClaimCheck(CouponStatus.ACTIVE, NOW.minus(Duration.ofDays(2)), NOW, List.of("US"), false, "US", 0, false, 1,
        false);
    assertThat(eval(past)).contains(RefusalCode.ERR_COUPON_EXPIRED);
  }

  @Test
  void buyerSafeCodesRevealNeitherRegionNorRiskNorRecord() {
    assertThat(RefusalCode.ERR_COUPON_REGION.buyerCode()).isEqualTo(RefusalCode.ERR_COUPON_NOT_FOUND.buyerCode());
    assertThat(RefusalCode.ERR_COUPON_PAUSED.buyerCode()).isEqualTo(RefusalCode.ERR_COUPON_NOT_FOUND.buyerCode());
    assertThat(RefusalCode.ERR_BUYER_DISPUTES.buyerCode()).isEqualTo(RefusalCode.ERR_NOT_FIRST_ORDER.buyerCode());
    for (RefusalCode c : RefusalCode.values()) {
      assertThat(c.buyerMessage()).doesNotContainIgnoringCase("risk").doesNotContainIgnoringCase("dispute").doesNotContainIgnoringCase("region");
    }
  }
}
