package com.sellergrowth.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StockFreshnessTest {
  static final Instant OBSERVED = Instant.parse("2026-11-25T12:00:00Z");

  // CPN-8
  @Test
  void aSyncArrivingMoreThanThreeMinutesAfterObservationIsLate_CPN8() {
    StockFreshness f = StockFreshness.DEFAULT;
    assertThat(f.isLate(OBSERVED, OBSERVED.plus(Duration.ofMinutes(3)))).isFalse();
    assertThat(f.isLate(OBSERVED, OBSERVED.plus(Duration.ofMinutes(3)).plusMillis(1))).isTrue();
  }

  // CPN-8
  @Test
  void aSkuWithoutSyncForIntervalPlusDelayIsOverdue_CPN8() {
    Instant now = OBSERVED.plus(Duration.ofHours(1));
    assertThat(StockFreshness.DEFAULT.overdueBefore(now)).isEqualTo(now.minus(Duration.ofMinutes(18)));
  }
}
