package com.sellergrowth.risk.domain;

/** One evaluation of a rule in a batch: its settings, and the status its decisions get (ACTIVE when enforced, SHADOW otherwise). */
public record RuleVariant(RuleSettings settings, DecisionStatus status) {
  public Rule rule() {
    return settings.rule();
  }

  public boolean enforced() {
    return status == DecisionStatus.ACTIVE;
  }
}
