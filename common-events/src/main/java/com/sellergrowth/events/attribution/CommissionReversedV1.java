package com.sellergrowth.events.attribution;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * An order's commission was taken back after a refund or cancellation (ATR-7): {@code kind} REVERSAL (it was still pending:
 * nothing was owed yet) or CLAWBACK (it was locked or paid: {@code amountMinor} is owed back). Key: codeId.
 */
public record CommissionReversedV1(String orderId, String codeId, String sellerId, String kind, long amountMinor, String currency,
    Instant occurredAt) {
  public static final EventType<CommissionReversedV1> TYPE =
      new EventType<>("attribution.commission-reversed", 1, CommissionReversedV1.class, Topics.ATTRIBUTION_EVENTS);
}
