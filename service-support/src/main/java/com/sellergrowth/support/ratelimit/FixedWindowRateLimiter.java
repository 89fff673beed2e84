package com.sellergrowth.support.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process fixed-window limiter for public endpoints (SPEC section 9): at most {@code limit} calls per key per window, on
 * the injected clock. No network round trip on the hot path; the limit is per instance (N instances admit up to N times the
 * limit), which is what a first line of defence needs; the API gateway holds the global limits. Memory is bounded: each
 * window starts an empty map (the previous one is dropped whole, in O(1)), and a window that already tracks
 * {@code maxKeys} keys admits further new keys uncounted (fail-open: a flood from that many distinct addresses is the
 * gateway's to stop), so no request ever pays for a scan of the map.
 */
public final class FixedWindowRateLimiter {
  private final int limit;
  private final long windowMillis;
  private final int maxKeys;
  private final Clock clock;
  private volatile Window current = new Window(Long.MIN_VALUE);

  private record Window(long index, ConcurrentHashMap<String, AtomicInteger> counters) {
    Window(long index) {
      this(index, new ConcurrentHashMap<>());
    }
  }

  public FixedWindowRateLimiter(int limit, Duration window, int maxKeys, Clock clock) {
    this.limit = limit;
    this.windowMillis = window.toMillis();
    this.maxKeys = maxKeys;
    this.clock = clock;
  }

  /** True when the call is admitted; false when {@code key} used up its calls in the current window. */
  public boolean tryAcquire(String key) {
    long index = clock.millis() / windowMillis;
    Window w = current;
    if (w.index() != index) {
      synchronized (this) {
        w = current;
        if (w.index() != index) {
          w = new Window(index);
          current = w;
        }
      }
    }
    AtomicInteger counter = w.counters().get(key);
    if (counter == null) {
      if (w.counters().size() >= maxKeys) {
        return true;
      }
      counter = w.counters().computeIfAbsent(key, k -> new AtomicInteger());
    }
    return counter.incrementAndGet() <= limit;
  }

  /** Seconds until the current window ends (for Retry-After). */
  public long secondsToNextWindow() {
    long now = clock.millis();
    return Math.max(1, (windowMillis - now % windowMillis + 999) / 1000);
  }
}
