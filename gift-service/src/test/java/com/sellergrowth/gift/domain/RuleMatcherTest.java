package com.sellergrowth.gift.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GFT-3: exact thresholds in minor units, category and country conditions, priority, one gift per order. */
class RuleMatcherTest {
  private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

  private static TriggerRule rule(long threshold, Set<String> categories, Set<String> countries, int priority, Instant created) {
    return new TriggerRule(UUID.randomUUID(), UUID.randomUUID(), threshold, "USD", categories, countries, priority, created);
  }

  private static OrderFacts order(long amount, String currency, String country, String... categories) {
    return new OrderFacts("o1", "s1", "b1", country, currency, amount, Set.of(categories));
  }

  @Test
  void usd2999IsNotUsd3000ButUsd3000Is_GFT3() {
    TriggerRule r = rule(3_000, Set.of(), Set.of(), 1, T);
    assertThat(RuleMatcher.meets(r, order(2_999, "USD", "BR", "cat-a"))).isFalse();
    assertThat(RuleMatcher.meets(r, order(3_000, "USD", "BR", "cat-a"))).isTrue();
    assertThat(RuleMatcher.meets(r, order(3_001, "USD", "BR", "cat-a"))).isTrue();
  }

  @Test
  void anotherCurrencyMeetsNoRule_GFT3() {
    assertThat(RuleMatcher.meets(rule(3_000, Set.of(), Set.of(), 1, T), order(1_000_000, "EUR", "BR", "cat-a"))).isFalse();
  }

  @Test
  void categoryAndCountryConditionsNarrowTheRule_GFT3() {
    TriggerRule r = rule(100, Set.of("cat-beauty"), Set.of("BR", "PL"), 1, T);
    assertThat(RuleMatcher.meets(r, order(100, "USD", "BR", "cat-home", "cat-beauty"))).isTrue();
    assertThat(RuleMatcher.meets(r, order(100, "USD", "BR", "cat-home"))).isFalse();
    assertThat(RuleMatcher.meets(r, order(100, "USD", "US", "cat-beauty"))).isFalse();
  }

  @Test
  void theLowestPriorityNumberWinsThenTheOldestRule_GFT3() {
    TriggerRule second = rule(100, Set.of(), Set.of(), 2, T);
    TriggerRule firstNewer = rule(100, Set.of(), Set.of(), 1, T.plusSeconds(60));
    TriggerRule firstOlder = rule(100, Set.of(), Set.of(), 1, T);
    TriggerRule firstButNotMet = rule(1_000_000, Set.of(), Set.of(), 0, T);
    assertThat(RuleMatcher.winner(List.of(second, firstNewer, firstOlder, firstButNotMet), order(500, "USD", "BR", "cat-a")))
        .contains(firstOlder);
    assertThat(RuleMatcher.winner(List.of(second, firstNewer), order(500, "USD", "BR", "cat-a"))).contains(firstNewer);
  }

  @Test
  void rulesCreatedAtTheSameInstantAreOrderedById() {
    TriggerRule a = new TriggerRule(new UUID(0, 1), UUID.randomUUID(), 100, "USD", Set.of(), Set.of(), 1, T);
    TriggerRule b = new TriggerRule(new UUID(0, 2), UUID.randomUUID(), 100, "USD", Set.of(), Set.of(), 1, T);
    assertThat(RuleMatcher.winner(List.of(b, a), order(500, "USD", "BR", "cat-a"))).contains(a);
  }

  @Test
  void noRuleMetMeansNoGift_GFT3() {
    assertThat(RuleMatcher.winner(List.of(rule(3_000, Set.of(), Set.of(), 1, T)), order(2_999, "USD", "BR", "cat-a"))).isEmpty();
    assertThat(RuleMatcher.winner(List.of(), order(2_999, "USD", "BR", "cat-a"))).isEmpty();
  }
}
