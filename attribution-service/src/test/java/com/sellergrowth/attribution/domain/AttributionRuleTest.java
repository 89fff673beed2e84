package com.sellergrowth.attribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ATR-5: last click within 30 minutes, both ends closed; a minimum click-to-order time; the named click or the device. */
class AttributionRuleTest {
  static final Instant ORDER = Instant.parse("2026-11-25T12:30:00Z");
  static final UUID CODE = UUID.randomUUID();
  final AttributionRule rule = new AttributionRule(Duration.ofMinutes(30), Duration.ofSeconds(5));

  private static AttributionRule.Candidate click(String device, Instant at) {
    return new AttributionRule.Candidate(UUID.randomUUID(), CODE, device, at);
  }

  @Test
  void anOrderExactlyThirtyMinutesAfterItsClickIsAttributedAndOneSecondLaterIsNot() {
    AttributionRule.Candidate c = click("d", ORDER.minus(Duration.ofMinutes(30)));
    assertThat(rule.winner(List.of(c), ORDER, "d", null)).map(w -> w.click()).contains(c);
    assertThat(rule.winner(List.of(c), ORDER.plusSeconds(1), "d", null)).isEmpty();
  }

  @Test
  void anOrderSoonerThanTheMinimumAfterTheClickIsNotAttributedToIt() {
    assertThat(rule.winner(List.of(click("d", ORDER.minusSeconds(4))), ORDER, "d", null)).isEmpty();
    assertThat(rule.winner(List.of(click("d", ORDER.minusSeconds(5))), ORDER, "d", null)).isPresent();
    assertThat(rule.winner(List.of(click("d", ORDER.plusSeconds(1))), ORDER, "d", null)).isEmpty();
  }

  @Test
  void theMostRecentClickWins() {
    AttributionRule.Candidate early = click("d", ORDER.minus(Duration.ofMinutes(20)));
    AttributionRule.Candidate late = click("d", ORDER.minus(Duration.ofMinutes(2)));
    AttributionRule.Winner w = rule.winner(List.of(late, early), ORDER, "d", null).orElseThrow();
    assertThat(w.click()).isEqualTo(late);
    assertThat(w.matchedBy()).isEqualTo("DEVICE");
    assertThat(rule.winner(List.of(early, late), ORDER, "d", null).orElseThrow().click()).isEqualTo(late);
  }

  @Test
  void anotherDevicesClickNeverWinsUnlessTheOrderNamesIt() {
    AttributionRule.Candidate other = click("other", ORDER.minus(Duration.ofMinutes(3)));
    assertThat(rule.winner(List.of(other), ORDER, "d", null)).isEmpty();
    assertThat(rule.winner(List.of(other), ORDER, null, null)).isEmpty();
    AttributionRule.Winner named = rule.winner(List.of(other), ORDER, "d", other.clickId()).orElseThrow();
    assertThat(named.matchedBy()).isEqualTo("CLICK_ID");
    assertThat(rule.winner(List.of(click("other", ORDER.minus(Duration.ofMinutes(31)))), ORDER, "d", null)).isEmpty();
  }

  @Test
  void theWindowAndReportKeysAreWhatTheRulesSay() {
    assertThat(rule.window()).isEqualTo(Duration.ofMinutes(30));
    assertThat(ReportDimension.day("cl.occurred_at")).isEqualTo("to_char(cl.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')");
    assertThat(ReportDimension.DAY.sql()).isEqualTo("g.day");
    assertThat(ReportDimension.CAMPAIGN.sql()).isEqualTo("c.utm_campaign");
  }

  @Test
  void atTheSameInstantTheNamedClickWins() {
    Instant t = ORDER.minus(Duration.ofMinutes(1));
    AttributionRule.Candidate device = new AttributionRule.Candidate(new UUID(0, 9), CODE, "d", t);
    AttributionRule.Candidate named = new AttributionRule.Candidate(new UUID(0, 1), CODE, "x", t);
    assertThat(rule.winner(List.of(device, named), ORDER, "d", named.clickId()).orElseThrow().click()).isEqualTo(named);
    AttributionRule.Candidate device2 = new AttributionRule.Candidate(new UUID(0, 2), CODE, "d", t);
    assertThat(rule.winner(List.of(device2, device), ORDER, "d", null).orElseThrow().click()).isEqualTo(device);
  }
}
