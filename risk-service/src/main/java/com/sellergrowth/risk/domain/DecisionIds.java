package com.sellergrowth.risk.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A decision's id is derived from its rule, action, subject, the evidence that triggered it and its status (RSK-8): the same
 * evidence seen twice (redelivery, a second instance after a rebalance, a replay) yields the same id, which the decision
 * table's primary key and the consumers' inboxes (the id is also the CloudEvents id) turn into one decision.
 */
public final class DecisionIds {
  private DecisionIds() {
  }

  public static UUID of(String rule, String action, String subjectId, String evidenceKey, DecisionStatus status) {
    String name = String.join("|", "risk-decision", rule, action, subjectId, evidenceKey, status == DecisionStatus.SHADOW ? "shadow" : "live");
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** The id of the ResumeCoupon that resolves decision {@code resolved}. */
  public static UUID resumeOf(UUID resolved) {
    return UUID.nameUUIDFromBytes(("risk-resume|" + resolved).getBytes(StandardCharsets.UTF_8));
  }

  /** The id of the DecisionReleased event for decision {@code released}. */
  public static UUID releaseOf(UUID released) {
    return UUID.nameUUIDFromBytes(("risk-release|" + released).getBytes(StandardCharsets.UTF_8));
  }
}
