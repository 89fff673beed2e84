package com.sellergrowth.support.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process fixed-window limiter for public endpoints (SPEC section 9): at most {@code limit} calls per key per window, on
 * the injected clock. No network round trip on the hot path; the limit is per instance (N instances admit up to N times the
 * limit), which is what a first line of defence needs; the API gateway holds the global limits. Memory is bounded: the map
 * is cleared of past windows when it grows beyond {@code maxKeys}.
 */
public final class FixedWindowRateLimiter {
  private final int limit;
  private final long windowMillis;
  private final int maxKeys;
  private final Clock clock;
  private final ConcurrentHashMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

  public FixedWindowRateLimiter(int limit, Duration window, int maxKeys, Clock clock) {
    this.limit = limit;
    this.windowMillis = window.toMillis();
    this.maxKeys = maxKeys;
    this.clock = clock;
  }

  /** True when the call is admitted; false when {@code key} used up its calls in the current window. */
  public boolean tryAcquire(String key) {
    long window = clock.millis() / windowMillis;
    if (counters.size() >= maxKeys) {
      String suffix = "|" + window;
      counters.keySet().removeIf(k -> !k.endsWith(suffix));
    }
    return counters.computeIfAbsent(key + "|" + window, k -> new AtomicInteger()).incrementAndGet() <= limit;
  }

  /** Seconds until the current window ends (for Retry-After). */
  public long secondsToNextWindow() {
    long now = clock.millis();
    return Math.max(1, (windowMillis - now % windowMillis + 999) / 1000);
  }
}
