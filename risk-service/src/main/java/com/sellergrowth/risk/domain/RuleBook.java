package com.sellergrowth.risk.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rules as they run in one batch: each rule's mode and thresholds (configured defaults, overridden by operators), plus an
 * optional shadow candidate evaluated beside the enforced thresholds. {@code grace}: how late an event may be (in event
 * time, behind its partition's stream time) and still count (RSK-8).
 */
public final class RuleBook {
  public record Entry(Mode mode, RuleSettings settings, RuleSettings shadow) {
  }

  private final Map<Rule, Entry> entries;
  private final Duration grace;

  public RuleBook(Map<Rule, Entry> entries, Duration grace) {
    this.entries = new EnumMap<>(entries);
    for (Rule r : Rule.values()) {
      if (!this.entries.containsKey(r)) {
        throw new IllegalArgumentException("no settings for " + r.id());
      }
    }
    this.grace = grace;
  }

  public Duration grace() {
    return grace;
  }

  public Entry entry(Rule rule) {
    return entries.get(rule);
  }

  /** The evaluations of {@code rule}: none when OFF; its thresholds as ACTIVE or SHADOW by mode; the shadow candidate as SHADOW. */
  public List<RuleVariant> variants(Rule rule) {
    Entry e = entries.get(rule);
    List<RuleVariant> out = new ArrayList<>(2);
    if (e.mode() == Mode.ENFORCE) {
      out.add(new RuleVariant(e.settings(), DecisionStatus.ACTIVE));
    } else if (e.mode() == Mode.SHADOW) {
      out.add(new RuleVariant(e.settings(), DecisionStatus.SHADOW));
    }
    if (e.shadow() != null && e.mode() != Mode.SHADOW) {
      out.add(new RuleVariant(e.shadow(), DecisionStatus.SHADOW));
    }
    return out;
  }
}
