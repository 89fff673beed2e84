package com.sellergrowth.risk.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Event-time bursts (RSK-1, RSK-5): more than {@code max} facts whose first and last are at most {@code window} apart. Works
 * on facts in any arrival order (a late event inside the grace may complete a burst before or after it), and answers the same
 * on every replay because it only looks at event times.
 */
public final class Bursts {
  private Bursts() {
  }

  /**
   * The first burst (in event time) that contains {@code target}, as the facts of the longest window starting at its first
   * fact; empty when there is none. {@code facts} must contain {@code target} (by id: a stored time may be rounded).
   */
  public static List<TimedFact> containing(List<TimedFact> facts, TimedFact target, Duration window, long max) {
    List<TimedFact> sorted = new ArrayList<>(facts);
    sorted.sort(null);
    int t = -1;
    for (int i = 0; i < sorted.size() && t < 0; i++) {
      t = sorted.get(i).id().equals(target.id()) ? i : -1;
    }
    if (t < 0) {
      throw new IllegalArgumentException("target " + target.id() + " is not among the facts");
    }
    int j = 0;
    for (int i = 0; i <= t; i++) {
      if (j < i) {
        j = i;
      }
      while (j + 1 < sorted.size() && Duration.between(sorted.get(i).at(), sorted.get(j + 1).at()).compareTo(window) <= 0) {
        j++;
      }
      if (j >= t && j - i + 1 > max) {
        return List.copyOf(sorted.subList(i, j + 1));
      }
    }
    return List.of();
  }
}
