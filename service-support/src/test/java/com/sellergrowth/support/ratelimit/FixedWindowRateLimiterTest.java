package com.sellergrowth.support.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FixedWindowRateLimiterTest {

  @Test
  void admitsTheLimitPerKeyAndWindowThenRefusesUntilTheNextWindow() {
    Instant start = Instant.parse("2026-11-25T12:00:00Z");
    FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(3, Duration.ofMinutes(1), 1000, Clock.fixed(start, ZoneOffset.UTC));
    assertThat(limiter.tryAcquire("ip-1")).isTrue();
    assertThat(limiter.tryAcquire("ip-1")).isTrue();
    assertThat(limiter.tryAcquire("ip-1")).isTrue();
    assertThat(limiter.tryAcquire("ip-1")).isFalse();
    assertThat(limiter.tryAcquire("ip-2")).isTrue();
    assertThat(limiter.secondsToNextWindow()).isEqualTo(60);
    FixedWindowRateLimiter later = new FixedWindowRateLimiter(3, Duration.ofMinutes(1), 1000,
        Clock.fixed(start.plusSeconds(59), ZoneOffset.UTC));
    assertThat(later.secondsToNextWindow()).isEqualTo(1);
  }

  @Test
  void memoryStaysBoundedByDroppingPastWindows() {
    Instant start = Instant.parse("2026-11-25T12:00:00Z");
    var clock = new Clock() {
      Instant now = start;

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
    FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(1, Duration.ofSeconds(10), 10, clock);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryAcquire("k" + i)).isTrue();
    }
    // the window is full: a new key is admitted uncounted (fail-open), known keys are still limited
    assertThat(limiter.tryAcquire("k10")).isTrue();
    assertThat(limiter.tryAcquire("k10")).isTrue();
    assertThat(limiter.tryAcquire("k0")).isFalse();
    clock.now = start.plusSeconds(10);
    assertThat(limiter.tryAcquire("k0")).isTrue(); // new window, and the 10 old keys were dropped
    assertThat(limiter.tryAcquire("k0")).isFalse();
    assertThat(limiter.tryAcquire("k10")).isTrue();
    assertThat(limiter.tryAcquire("k10")).isFalse();
  }
}
