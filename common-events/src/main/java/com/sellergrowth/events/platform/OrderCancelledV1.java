package com.sellergrowth.events.platform;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** The platform's order was cancelled. Key: orderId. */
public record OrderCancelledV1(OrderSnapshot order, Instant occurredAt) {
  public static final EventType<OrderCancelledV1> TYPE = new EventType<>("platform.order-cancelled", 1, OrderCancelledV1.class, Topics.PLATFORM_ORDERS);
}
