package com.sellergrowth.events.attribution;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * Commission on an attributed paid order (ATR-7), PENDING until {@code locksAt}. {@code baseMinor} (the order's goods) and
 * {@code amountMinor} in minor units of {@code currency}. Key: codeId.
 */
public record CommissionAccruedV1(String orderId, String codeId, String sellerId, long baseMinor, long amountMinor, String currency,
    Instant locksAt, Instant occurredAt) {
  public static final EventType<CommissionAccruedV1> TYPE =
      new EventType<>("attribution.commission-accrued", 1, CommissionAccruedV1.class, Topics.ATTRIBUTION_EVENTS);
}
