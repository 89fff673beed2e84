package com.sellergrowth.risk.domain;

import java.time.Instant;

/** An event a rule counts: its CloudEvents id (or click id) and its event time. */
public record TimedFact(String id, Instant at) implements Comparable<TimedFact> {
  /** Event time, then id: the order is the same on every instance and every replay. */
  @Override
  public int compareTo(TimedFact o) {
    int c = at.compareTo(o.at);
    return c != 0 ? c : id.compareTo(o.id);
  }
}
