package com.sellergrowth.risk.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

  /**
   * The facts of a group (read for the whole batch) that the event at {@code position}, at {@code at}, would have seen
   * applied alone: within {@code widest} of it on both sides, and none written after it in the batch.
   */
  <T> List<T> visible(List<T> group, Function<T, String> id, Function<T, Instant> time, Instant at, Duration widest, int position) {
    List<T> out = new ArrayList<>();
    if (group == null) {
      return out;
    }
    Instant from = at.minus(widest);
    Instant to = at.plus(widest);
    for (T fact : group) {
      Instant t = time.apply(fact);
      if (!t.isBefore(from) && !t.isAfter(to) && visibleAt(id.apply(fact), position)) {
        out.add(fact);
      }
    }
    return out;
  }

  /** Earliest and latest event time of the batch's events in each group: what the group's one read must cover. */
  static <T> Map<String, Instant[]> spans(List<T> events, Function<T, String> group, Function<T, Instant> time) {
    Map<String, Instant[]> spans = new LinkedHashMap<>();
    for (T e : events) {
      Instant at = time.apply(e);
      spans.merge(group.apply(e), new Instant[] {at, at},
          (a, b) -> new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }
    return spans;
  }
}
