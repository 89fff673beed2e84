package com.sellergrowth.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RSK-8: thresholds are configuration, validated whole. */
class RuleSettingsTest {

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(RuleSettings.problems(Rule.RSK_1, Map.of("max-claims", "0", "window", "an hour", "colour", "red")))
        .containsExactlyInAnyOrder("colour is not a threshold of RSK-1", "max-claims must be a whole number of at least 1",
            "window must be an ISO-8601 duration such as PT1H");
    assertThat(RuleSettings.problems(Rule.RSK_2, Map.of("min-redemption-rate-bp", "10001", "min-claims", "50")))
        .containsExactlyInAnyOrder("min-redemption-rate-bp must be basis points between 0 and 10000 (1500 = 15%)", "min-age is required");
    assertThat(RuleSettings.problems(Rule.RSK_5, Map.of("duplicate-window", "PT1H", "bot-markers", " , ", "burst-max-clicks", "20",
        "burst-window", "-PT1M"))).containsExactlyInAnyOrder("bot-markers must list at least one marker, comma-separated",
            "burst-window must be a positive ISO-8601 duration such as PT1H");
  }

  @Test
  void validSettingsAreReadTyped() {
    RuleSettings s = new RuleSettings(Rule.RSK_5, Map.of("duplicate-window", "PT1H", "bot-markers", "Bot, Crawler ,", "burst-max-clicks",
        "20", "burst-window", "PT1M"));
    assertThat(s.duration("duplicate-window")).isEqualTo(Duration.ofHours(1));
    assertThat(s.markers("bot-markers")).containsExactly("bot", "crawler");
    assertThat(s.count("burst-max-clicks")).isEqualTo(20);
    assertThatThrownBy(() -> new RuleSettings(Rule.RSK_4, Map.of())).hasMessageContaining("consecutive-failures is required");
  }

  @Test
  void modesDecideWhatRunsAndWithWhichStatus() {
    RuleSettings live = new RuleSettings(Rule.RSK_4, Map.of("consecutive-failures", "3"));
    RuleSettings candidate = new RuleSettings(Rule.RSK_4, Map.of("consecutive-failures", "2"));
    java.util.Map<Rule, RuleBook.Entry> entries = new java.util.EnumMap<>(Rule.class);
    for (Rule r : Rule.values()) {
      entries.put(r, new RuleBook.Entry(Mode.OFF, settingsFor(r), null));
    }
    entries.put(Rule.RSK_4, new RuleBook.Entry(Mode.ENFORCE, live, candidate));
    RuleBook book = new RuleBook(entries, Duration.ofMinutes(10));
    assertThat(book.variants(Rule.RSK_4)).containsExactly(new RuleVariant(live, DecisionStatus.ACTIVE),
        new RuleVariant(candidate, DecisionStatus.SHADOW));
    assertThat(book.variants(Rule.RSK_1)).isEmpty();
    entries.put(Rule.RSK_4, new RuleBook.Entry(Mode.SHADOW, live, null));
    assertThat(new RuleBook(entries, Duration.ZERO).variants(Rule.RSK_4)).containsExactly(new RuleVariant(live, DecisionStatus.SHADOW));
    entries.put(Rule.RSK_4, new RuleBook.Entry(Mode.OFF, live, candidate));
    assertThat(new RuleBook(entries, Duration.ZERO).variants(Rule.RSK_4)).containsExactly(new RuleVariant(candidate, DecisionStatus.SHADOW));
  }

  static RuleSettings settingsFor(Rule r) {
    java.util.Map<String, String> values = new java.util.HashMap<>();
    for (Param p : r.params()) {
      values.put(p.name(), switch (p.kind()) {
        case COUNT -> "3";
        case BASIS_POINTS -> "1500";
        case DURATION -> "PT1H";
        case MARKERS -> "bot";
      });
    }
    return new RuleSettings(r, values);
  }
}
