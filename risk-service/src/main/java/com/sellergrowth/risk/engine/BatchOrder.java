package com.sellergrowth.risk.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * The order of a batch's facts (RSK-8). A rule family writes all of a batch's facts in one statement and reads what its rules
 * need around them in one more, then evaluates the batch's events one by one in batch order; event k sees the stored facts
 * and the batch's own facts up to its own, exactly what applying the events one at a time would have shown it. So the
 * decisions (and their ids) do not depend on where the batch boundaries fell.
 */
final class BatchOrder {
  private final Map<String, Integer> positions = new HashMap<>();

  /** Records the fact of the batch's event at {@code position}; a fact id seen twice keeps its first position. */
  void add(String factId, int position) {
    positions.putIfAbsent(factId, position);
  }

  /** Whether the event at {@code position} sees this fact: stored before the batch, or written by an event up to it. */
  boolean visibleAt(String factId, int position) {
    Integer p = positions.get(factId);
    return p == null || p <= position;
  }
}
