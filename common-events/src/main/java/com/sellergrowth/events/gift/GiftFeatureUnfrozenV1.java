package com.sellergrowth.events.gift;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** An operator released the freeze decision (GFT-9): dispatches resume. Key: sellerId. */
public record GiftFeatureUnfrozenV1(String sellerId, String decisionId, String releasedBy, Instant occurredAt) {
  public static final EventType<GiftFeatureUnfrozenV1> TYPE =
      new EventType<>("gift.feature-unfrozen", 1, GiftFeatureUnfrozenV1.class, Topics.GIFT_EVENTS);
}
