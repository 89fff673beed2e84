package com.sellergrowth.events.attribution;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * A click on a marketing-code link that was refused on the redirect path (ATR-3): {@code reason} SIGNATURE (the link's
 * parameters do not match its signature, or its key is unknown or retired). {@code codeId} and {@code sellerId} are what the
 * link claims, unverified. The CloudEvents id is {@code clickId}. Key: codeId.
 */
public record ClickRejectedV1(String clickId, String codeId, String sellerId, String reason, Instant occurredAt) {
  public static final EventType<ClickRejectedV1> TYPE =
      new EventType<>("attribution.click-rejected", 1, ClickRejectedV1.class, Topics.ATTRIBUTION_EVENTS);
}
