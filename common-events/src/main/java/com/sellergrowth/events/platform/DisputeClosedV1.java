package com.sellergrowth.events.platform;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A dispute was closed with an outcome (e.g. BUYER_FAVOURED, SELLER_FAVOURED, WITHDRAWN). Key: buyerId. */
public record DisputeClosedV1(String disputeId, String buyerId, String sellerId, String outcome, Instant occurredAt) {
  public static final EventType<DisputeClosedV1> TYPE = new EventType<>("platform.dispute-closed", 1, DisputeClosedV1.class, Topics.PLATFORM_DISPUTES);
}
