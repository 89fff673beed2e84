package com.sellergrowth.coupon.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * CPN-8: stock is synced every {@code interval}; a sync is late when it arrives more than {@code allowedDelay} after the
 * stock was observed, and a SKU is overdue when no sync has arrived within {@code interval + allowedDelay}.
 */
public record StockFreshness(Duration interval, Duration allowedDelay) {
  public static final StockFreshness DEFAULT = new StockFreshness(Duration.ofMinutes(15), Duration.ofMinutes(3));

  public boolean isLate(Instant observedAt, Instant arrivedAt) {
    return Duration.between(observedAt, arrivedAt).compareTo(allowedDelay) > 0;
  }

  /** A SKU whose latest sync arrived before this instant is overdue at {@code now}. */
  public Instant overdueBefore(Instant now) {
    return now.minus(interval).minus(allowedDelay);
  }
}
