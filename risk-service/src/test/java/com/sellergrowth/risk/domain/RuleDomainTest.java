package com.sellergrowth.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RSK-7 and RSK-8 in plain values: how thresholds are written and checked, how variants run, and how reports word them. */
class RuleDomainTest {

  // RSK-8: every kind of threshold at its edges
  @Test
  void thresholdsAreCheckedAtTheirEdges_RSK8() {
    Param count = Param.count("n");
    assertThat(count.problem("1")).isNull();
    assertThat(count.problem("0")).contains("at least 1");
    assertThat(count.problem(" 7 ")).isNull();
    assertThat(count.problem("x")).contains("whole number");
    assertThat(count.problem(null)).isEqualTo("is required");
    assertThat(count.problem(" ")).isEqualTo("is required");
    Param bp = Param.basisPoints("bp");
    assertThat(bp.problem("0")).isNull();
    assertThat(bp.problem("10000")).isNull();
    assertThat(bp.problem("-1")).contains("between 0 and 10000");
    assertThat(bp.problem("10001")).contains("between 0 and 10000");
    Param d = Param.duration("d");
    assertThat(d.problem("PT1S")).isNull();
    assertThat(d.problem("PT0S")).contains("positive");
    assertThat(d.problem("-PT1S")).contains("positive");
    assertThat(d.problem("an hour")).contains("ISO-8601");
    Param m = Param.markers("m");
    assertThat(m.problem("Bot, crawler")).isNull();
    assertThat(m.problem(" , ")).contains("at least one marker");
    assertThat(Param.parseMarkers(" Bot ,,Crawler")).containsExactly("bot", "crawler");
    assertThat(List.of(count, bp, d, m)).extracting(Param::kind)
        .containsExactly(Param.Kind.COUNT, Param.Kind.BASIS_POINTS, Param.Kind.DURATION, Param.Kind.MARKERS);
  }

  @Test
  void rulesAreFoundByTheirSpecIdInAnyCaseAndKeyedInLowerCase() {
    assertThat(Rule.byId("rsk-5")).contains(Rule.RSK_5);
    assertThat(Rule.byId("RSK-1")).contains(Rule.RSK_1);
    assertThat(Rule.byId("RSK-9")).isEqualTo(Optional.empty());
    assertThat(Rule.RSK_1.key()).isEqualTo("rsk-1");
    assertThat(Rule.RSK_1.summary()).contains("max-claims");
    assertThat(Rule.RSK_1.params()).extracting(Param::name).containsExactly("max-claims", "window");
    assertThat(Rule.RSK_1.param("window")).map(Param::kind).contains(Param.Kind.DURATION);
  }

  // RSK-8: an enforced rule and its shadow candidate run side by side; the query range covers both
  @Test
  void variantsRunByModeAndTheirWidestWindowAndLargestCountCoverEveryOne_RSK8() {
    RuleSettings enforced = new RuleSettings(Rule.RSK_1, Map.of("max-claims", "5", "window", "PT1H"));
    RuleSettings candidate = new RuleSettings(Rule.RSK_1, Map.of("max-claims", "8", "window", "PT30M"));
    RuleBook book = book(Rule.RSK_1, new RuleBook.Entry(Mode.ENFORCE, enforced, candidate));
    List<RuleVariant> both = book.variants(Rule.RSK_1);
    assertThat(both).extracting(RuleVariant::status).containsExactly(DecisionStatus.ACTIVE, DecisionStatus.SHADOW);
    assertThat(both).extracting(RuleVariant::enforced).containsExactly(true, false);
    assertThat(both).extracting(RuleVariant::rule).containsOnly(Rule.RSK_1);
    assertThat(RuleVariant.widest(both, "window")).isEqualTo(Duration.ofHours(1));
    assertThat(RuleVariant.largest(both, "max-claims")).isEqualTo(8);
    assertThat(book.grace()).isEqualTo(Duration.ofMinutes(10));
    assertThat(book.entry(Rule.RSK_1).shadow()).isEqualTo(candidate);
    assertThat(book(Rule.RSK_1, new RuleBook.Entry(Mode.SHADOW, enforced, null)).variants(Rule.RSK_1)).extracting(RuleVariant::status)
        .containsExactly(DecisionStatus.SHADOW);
    assertThat(book(Rule.RSK_1, new RuleBook.Entry(Mode.OFF, enforced, null)).variants(Rule.RSK_1)).isEmpty();
    assertThatThrownBy(() -> new RuleBook(Map.of(), Duration.ofMinutes(10))).isInstanceOf(IllegalArgumentException.class);
  }

  // RSK-7: a report words its thresholds as a person would
  @Test
  void reportsWordDurationsAndRatesAsAPersonWould_RSK7() {
    assertThat(window("PT1H")).endsWith("within 1 hour.");
    assertThat(window("PT2H")).endsWith("within 2 hours.");
    assertThat(window("P1D")).endsWith("within 1 day.");
    assertThat(window("P3D")).endsWith("within 3 days.");
    assertThat(window("P1DT1H")).endsWith("within 25 hours.");
    assertThat(window("PT1M")).endsWith("within 1 minute.");
    assertThat(window("PT90M")).endsWith("within 90 minutes.");
    assertThat(window("soon")).endsWith("within soon.");
    Map<String, Object> redemption = Map.of("claims", 100, "redemptions", 2, "redemptionRatePct", "2", "age", "PT72H");
    assertThat(Report.of("LOW_REDEMPTION", "c1", redemption, Map.of("min-redemption-rate-bp", "1550")).whatHappened())
        .contains("below the 15.5% floor").contains("3 days after");
    assertThat(Report.of("LOW_REDEMPTION", "c1", redemption, Map.of("min-redemption-rate-bp", "500")).whatHappened())
        .contains("below the 5% floor");
  }

  private static String window(String window) {
    return Report.of("CLAIM_BURST", "c1", Map.of("eventIds", List.of("a"), "windowFrom", "f", "windowTo", "t"),
        Map.of("max-claims", "5", "window", window)).whatHappened();
  }

  private static RuleBook book(Rule rule, RuleBook.Entry entry) {
    Map<Rule, RuleBook.Entry> entries = new java.util.EnumMap<>(Rule.class);
    for (Rule r : Rule.values()) {
      entries.put(r, r == rule ? entry : new RuleBook.Entry(Mode.OFF, defaults(r), null));
    }
    return new RuleBook(entries, Duration.ofMinutes(10));
  }

  private static RuleSettings defaults(Rule r) {
    Map<String, String> v = new java.util.HashMap<>();
    for (Param p : r.params()) {
      v.put(p.name(), switch (p.kind()) {
        case COUNT -> "5";
        case BASIS_POINTS -> "500";
        case DURATION -> "PT1H";
        case MARKERS -> "bot";
      });
    }
    return new RuleSettings(r, v);
  }
}
