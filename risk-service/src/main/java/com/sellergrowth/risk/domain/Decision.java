package com.sellergrowth.risk.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A decision (RSK-7): the rule, what it acts on, why ({@code reason}), the evidence (event ids, window, figures), the thresholds
 * it ran with, and its status. {@code event} is what ACTIVE decisions publish on {@code risk.decisions}; shadow decisions
 * publish nothing.
 */
public record Decision(UUID id, String rule, Action action, SubjectType subjectType, String subjectId, String sellerId,
    DecisionStatus status, String reason, Map<String, Object> evidence, Map<String, String> thresholds, Instant windowFrom,
    Instant windowTo, Instant decidedAt, Record event) {

  public enum Action { PAUSE_COUPON, FREEZE_GIFT_FEATURE, INVALIDATE_CLICK, KPI_WARNING, PAUSE_NEW_LISTINGS }

  /** The names DecisionReleased carries (its contract). */
  public enum SubjectType { COUPON, GIFT_FEATURE, CLICK, SUPPLIER }
}
