package com.sellergrowth.gift.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * GFT-3: which rule, if any, gives an order its gift; at most one gift per order. The threshold is compared in minor units
 * of the same currency (USD 29.99 = 2999 is not USD 30.00 = 3000); an order in another currency meets no rule (no exchange
 * rates are guessed).
 */
public final class RuleMatcher {
  private static final Comparator<TriggerRule> ORDER = Comparator.comparingInt(TriggerRule::priority)
      .thenComparing(TriggerRule::createdAt).thenComparing(TriggerRule::id);

  private RuleMatcher() {
  }

  public static boolean meets(TriggerRule r, OrderFacts o) {
    return r.currency().equals(o.currency()) && o.amountMinor() >= r.thresholdMinor()
        && (r.categories().isEmpty() || o.categories().stream().anyMatch(r.categories()::contains))
        && (r.countries().isEmpty() || r.countries().contains(o.country()));
  }

  /** The winning rule among {@code rules} (the seller's active rules of approved gifts), or empty. */
  public static Optional<TriggerRule> winner(Collection<TriggerRule> rules, OrderFacts o) {
    return rules.stream().filter(r -> meets(r, o)).min(ORDER);
  }
}
