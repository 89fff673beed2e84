package com.sellergrowth.events.platform;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** The platform's order was refunded. Key: orderId. */
public record OrderRefundedV1(OrderSnapshot order, Instant occurredAt) {
  public static final EventType<OrderRefundedV1> TYPE = new EventType<>("platform.order-refunded", 1, OrderRefundedV1.class, Topics.PLATFORM_ORDERS);
}
