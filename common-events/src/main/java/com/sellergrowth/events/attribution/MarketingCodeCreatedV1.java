package com.sellergrowth.events.attribution;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * A seller created a marketing code (ATR-1, ATR-3): its UTM fields, the marketplace page it leads to and the id of the key
 * that signed its link. Key: codeId.
 */
public record MarketingCodeCreatedV1(String codeId, String sellerId, String utmSource, String utmMedium, String utmCampaign,
    String utmContent, @OptionalField String utmTerm, String target, String keyId, Instant occurredAt) {
  public static final EventType<MarketingCodeCreatedV1> TYPE =
      new EventType<>("attribution.code-created", 1, MarketingCodeCreatedV1.class, Topics.ATTRIBUTION_EVENTS);
}
