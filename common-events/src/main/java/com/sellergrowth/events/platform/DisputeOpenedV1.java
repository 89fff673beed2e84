package com.sellergrowth.events.platform;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A buyer opened a dispute on an order. Key: buyerId. */
public record DisputeOpenedV1(String disputeId, String buyerId, String sellerId, String orderId, Instant occurredAt) {
  public static final EventType<DisputeOpenedV1> TYPE = new EventType<>("platform.dispute-opened", 1, DisputeOpenedV1.class, Topics.PLATFORM_DISPUTES);
}
