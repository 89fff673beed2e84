package com.sellergrowth.events.risk;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * risk-service decided that a click is invalid (RSK-5). {@code source}: SHORTLINK (click of a short link {@code linkOrCode})
 * or ATTRIBUTION (click of a marketing code). {@code reason}: DUPLICATE, BOT_USER_AGENT or IP_BURST. Key: clickId.
 */
public record InvalidateClickV1(String decisionId, String rule, String clickId, String source, String linkOrCode, String sellerId,
    String reason, Instant occurredAt) {
  public static final EventType<InvalidateClickV1> TYPE =
      new EventType<>("risk.invalidate-click", 1, InvalidateClickV1.class, Topics.RISK_DECISIONS);
}
