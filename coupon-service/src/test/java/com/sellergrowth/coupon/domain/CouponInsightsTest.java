package com.sellergrowth.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CouponInsightsTest {

  // CPN-15
  @Test
  void faceValueOutsideEightToTwelvePercentOfTheAveragePriceIsFlagged_CPN15() {
    assertThat(CouponInsights.warnings(6_01, 50_00, null, 0, 0)).extracting(CouponInsights.Warning::code).containsExactly("WARN_FACE_VALUE_RANGE");
    assertThat(CouponInsights.warnings(5_00, 50_00, null, 0, 0)).isEmpty();
    assertThat(CouponInsights.warnings(4_00, 50_00, null, 0, 0)).isEmpty();
    assertThat(CouponInsights.warnings(6_00, 50_00, null, 0, 0)).isEmpty();
    assertThat(CouponInsights.warnings(3_99, 50_00, null, 0, 0)).hasSize(1);
  }

  // CPN-15
  @Test
  void discountCostAboveThirtyPercentOfGrossMarginIsFlaggedWhenTheMarginIsKnown_CPN15() {
    // GMV 1000.00 at 20% margin = 200.00 margin; 30% of it = 60.00
    assertThat(CouponInsights.warnings(5_00, 0, 2_000, 1000_00, 60_01)).extracting(CouponInsights.Warning::code)
        .containsExactly("WARN_COST_OVER_MARGIN");
    assertThat(CouponInsights.warnings(5_00, 0, 2_000, 1000_00, 60_00)).isEmpty();
    assertThat(CouponInsights.warnings(5_00, 0, null, 1000_00, 900_00)).isEmpty();
  }
}
