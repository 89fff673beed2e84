package com.sellergrowth.events.attribution;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * A click on a marketing code's link, recorded for attribution (ATR-5, ATR-6). {@code deviceId} and {@code ipHash} (a keyed
 * hash, never the raw address) feed the duplicate and burst rules (RSK-5); {@code userAgent} the bot rule. The CloudEvents
 * id is {@code clickId}. Key: codeId.
 */
public record ClickAttributedV1(String clickId, String codeId, String sellerId, String deviceId, String ipHash,
    @OptionalField String userAgent, Instant occurredAt) {
  public static final EventType<ClickAttributedV1> TYPE =
      new EventType<>("attribution.click-attributed", 1, ClickAttributedV1.class, Topics.ATTRIBUTION_EVENTS);
}
