package com.sellergrowth.gift.service;

import com.sellergrowth.events.platform.OrderSnapshot;
import java.time.Instant;

/** An order event of platform.orders, checked against the service's bounds (the consumer dead-letters the others). */
public record OrderEvent(String eventId, Kind kind, OrderSnapshot order, Instant at) {
  /** What happened to the order. */
  public enum Kind {
    PLACED, PAID, CANCELLED, REFUNDED
  }
}
