package com.sellergrowth.events.platform;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** The platform's order was paid. Key: orderId. */
public record OrderPaidV1(OrderSnapshot order, Instant occurredAt) {
  public static final EventType<OrderPaidV1> TYPE = new EventType<>("platform.order-paid", 1, OrderPaidV1.class, Topics.PLATFORM_ORDERS);
}
