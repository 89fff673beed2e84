package com.sellergrowth.events.attribution;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * An order was attributed to a marketing code's click (ATR-5, last click): which click won ({@code clickId}, at
 * {@code clickAt}), how it matched ({@code matchedBy}: CLICK_ID when the order names the click, DEVICE when the order's device
 * clicked), the window in seconds and the rule. {@code gmvMinor} in minor units of {@code currency}. Key: codeId.
 */
public record OrderAttributedV1(String orderId, String codeId, String sellerId, String clickId, Instant clickAt, Instant orderAt,
    String matchedBy, long windowSeconds, String rule, long gmvMinor, String currency, Instant occurredAt) {
  public static final EventType<OrderAttributedV1> TYPE =
      new EventType<>("attribution.order-attributed", 1, OrderAttributedV1.class, Topics.ATTRIBUTION_EVENTS);
}
