package com.sellergrowth.events.attribution;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A seller archived a marketing code: its link no longer counts clicks. Key: codeId. */
public record MarketingCodeArchivedV1(String codeId, String sellerId, Instant occurredAt) {
  public static final EventType<MarketingCodeArchivedV1> TYPE =
      new EventType<>("attribution.code-archived", 1, MarketingCodeArchivedV1.class, Topics.ATTRIBUTION_EVENTS);
}
