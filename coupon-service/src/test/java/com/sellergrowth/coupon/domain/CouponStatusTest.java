package com.sellergrowth.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponStatusTest {
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant END = Instant.parse("2026-11-10T00:00:00Z");

  // CPN-17
  @Test
  void scheduledActiveAndExpiredFollowTheClock_CPN17() {
    assertThat(CouponStatus.effective(CouponStatus.ACTIVE, START, END, START.minusMillis(1))).isEqualTo(CouponStatus.SCHEDULED);
    assertThat(CouponStatus.effective(CouponStatus.SCHEDULED, START, END, START)).isEqualTo(CouponStatus.ACTIVE);
    assertThat(CouponStatus.effective(CouponStatus.ACTIVE, START, END, END)).isEqualTo(CouponStatus.EXPIRED);
    assertThat(CouponStatus.effective(CouponStatus.PAUSED, START, END, END.minusMillis(1))).isEqualTo(CouponStatus.PAUSED);
    assertThat(CouponStatus.effective(CouponStatus.PAUSED, START, END, END)).isEqualTo(CouponStatus.EXPIRED);
    assertThat(CouponStatus.effective(CouponStatus.ENDED, START, END, START)).isEqualTo(CouponStatus.ENDED);
    assertThat(CouponStatus.effective(CouponStatus.DRAFT, START, END, START)).isEqualTo(CouponStatus.DRAFT);
  }
}
