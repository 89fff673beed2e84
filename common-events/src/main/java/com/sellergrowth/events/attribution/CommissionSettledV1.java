package com.sellergrowth.events.attribution;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * A commission moved on in its lifecycle (ATR-7): {@code status} LOCKED (its refund period ended) or PAID (an operator paid
 * it out). Key: codeId.
 */
public record CommissionSettledV1(String orderId, String codeId, String sellerId, String status, long amountMinor, String currency,
    Instant occurredAt) {
  public static final EventType<CommissionSettledV1> TYPE =
      new EventType<>("attribution.commission-settled", 1, CommissionSettledV1.class, Topics.ATTRIBUTION_EVENTS);
}
