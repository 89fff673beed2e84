package com.sellergrowth.events.risk;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * An operator released a decision; the services undo its effect. {@code subjectType}: COUPON, GIFT_FEATURE, CLICK, SUPPLIER.
 * Key: subjectId.
 */
public record DecisionReleasedV1(String decisionId, String subjectType, String subjectId, String releasedBy, String note,
    Instant occurredAt) {
  public static final EventType<DecisionReleasedV1> TYPE =
      new EventType<>("risk.decision-released", 1, DecisionReleasedV1.class, Topics.RISK_DECISIONS);
}
