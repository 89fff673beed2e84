package com.sellergrowth.events.platform;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A dispute went to platform arbitration. Key: buyerId. */
public record DisputeEscalatedV1(String disputeId, String buyerId, String sellerId, String orderId, Instant occurredAt) {
  public static final EventType<DisputeEscalatedV1> TYPE =
      new EventType<>("platform.dispute-escalated", 1, DisputeEscalatedV1.class, Topics.PLATFORM_DISPUTES);
}
