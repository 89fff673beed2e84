package com.sellergrowth.events.risk;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** risk-service decided that a seller's gift feature is frozen (GFT-9, RSK-4); an operator's release unfreezes it. Key: sellerId. */
public record FreezeGiftFeatureV1(String decisionId, String rule, String sellerId, String reason, Instant occurredAt) {
  public static final EventType<FreezeGiftFeatureV1> TYPE =
      new EventType<>("risk.freeze-gift-feature", 1, FreezeGiftFeatureV1.class, Topics.RISK_DECISIONS);
}
