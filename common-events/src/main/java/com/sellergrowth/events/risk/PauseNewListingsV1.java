package com.sellergrowth.events.risk;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** risk-service decided that a Direct supplier may not list new products (QC first-pass rate, DIR-3, RSK-6). Key: supplierId. */
public record PauseNewListingsV1(String decisionId, String rule, String supplierId, String reason, Instant occurredAt) {
  public static final EventType<PauseNewListingsV1> TYPE =
      new EventType<>("risk.pause-new-listings", 1, PauseNewListingsV1.class, Topics.RISK_DECISIONS);
}
