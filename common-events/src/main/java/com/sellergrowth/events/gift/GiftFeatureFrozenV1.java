package com.sellergrowth.events.gift;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** The seller's gift feature is frozen by risk-service's decision (GFT-9, RSK-4): no new dispatches. Key: sellerId. */
public record GiftFeatureFrozenV1(String sellerId, String decisionId, String reason, Instant occurredAt) {
  public static final EventType<GiftFeatureFrozenV1> TYPE =
      new EventType<>("gift.feature-frozen", 1, GiftFeatureFrozenV1.class, Topics.GIFT_EVENTS);
}
