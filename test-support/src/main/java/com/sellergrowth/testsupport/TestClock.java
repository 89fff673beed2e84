package com.sellergrowth.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand (STYLE 7: time rules are tested by moving the clock, never by sleeping). Replaces the service's clock. */
public class TestClock extends Clock {
  /** Where every test starts. */
  public static final Instant BASE = Instant.parse("2026-11-25T12:00:00Z");
  private static final TestClock INSTANCE = new TestClock();
  private final AtomicReference<Instant> now = new AtomicReference<>(BASE);

  public static TestClock get() {
    return INSTANCE;
  }

  public Instant now() {
    return now.get();
  }

  /** Back to {@link #BASE}. */
  public void reset() {
    now.set(BASE);
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  public void advance(Duration d) {
    now.updateAndGet(i -> i.plus(d));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** CDI producer that makes the test clock the application's clock. */
  @Singleton
  public static class Producer {
    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    Clock clock() {
      return INSTANCE;
    }
  }
}
