package com.sellergrowth.events.platform;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** The platform's order was placed. Key: orderId. */
public record OrderPlacedV1(OrderSnapshot order, Instant occurredAt) {
  public static final EventType<OrderPlacedV1> TYPE = new EventType<>("platform.order-placed", 1, OrderPlacedV1.class, Topics.PLATFORM_ORDERS);
}
