package com.sellergrowth.events.gift;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * A dispatch ended before shipment because its order was cancelled or refunded ({@code reason} ORDER_CANCELLED,
 * ORDER_REFUNDED); its unit went back to stock. Not a failure of the seller (GFT-9 counts failures only). Key: sellerId.
 */
public record GiftDispatchCancelledV1(String dispatchId, String sellerId, String orderId, String reason, Instant occurredAt) {
  public static final EventType<GiftDispatchCancelledV1> TYPE =
      new EventType<>("gift.dispatch-cancelled", 1, GiftDispatchCancelledV1.class, Topics.GIFT_EVENTS);
}
