package com.sellergrowth.risk.domain;

/** One evaluation of a rule in a batch: its settings, and the status its decisions get (ACTIVE when enforced, SHADOW otherwise). */
public record RuleVariant(RuleSettings settings, DecisionStatus status) {
  public Rule rule() {
    return settings.rule();
  }

  public boolean enforced() {
    return status == DecisionStatus.ACTIVE;
  }

  /** The widest of a duration threshold over the variants: one query's range covers every variant's window. */
  public static java.time.Duration widest(java.util.List<RuleVariant> variants, String param) {
    return variants.stream().map(v -> v.settings().duration(param)).max(java.time.Duration::compareTo).orElseThrow();
  }

  /** The largest of a count threshold over the variants. */
  public static long largest(java.util.List<RuleVariant> variants, String param) {
    return variants.stream().mapToLong(v -> v.settings().count(param)).max().orElseThrow();
  }
}
