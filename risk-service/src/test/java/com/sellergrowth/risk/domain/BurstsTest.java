package com.sellergrowth.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RSK-1 and RSK-5 bursts, in event time, whatever the arrival order. */
class BurstsTest {
  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private static List<TimedFact> every(Duration step, int n) {
    List<TimedFact> facts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      facts.add(new TimedFact("e" + i, T0.plus(step.multipliedBy(i))));
    }
    return facts;
  }

  @Test
  void sixClaimsWithinAnHourAreABurstOfMoreThanFive_RSK1() {
    List<TimedFact> six = every(Duration.ofMinutes(10), 6); // 0..50 min
    assertThat(Bursts.containing(six, six.get(5), HOUR, 5)).extracting(TimedFact::id).containsExactly("e0", "e1", "e2", "e3", "e4", "e5");
  }

  @Test
  void fiveClaimsAreNotMoreThanFive_RSK1() {
    List<TimedFact> five = every(Duration.ofMinutes(1), 5);
    assertThat(Bursts.containing(five, five.get(4), HOUR, 5)).isEmpty();
  }

  @Test
  void sixClaimsSpreadOver61MinutesAreNoBurst_RSK1() {
    List<TimedFact> six = every(Duration.ofSeconds(61 * 60 / 5), 6); // first at 0, last at 61 min
    assertThat(Duration.between(six.get(0).at(), six.get(5).at())).isEqualTo(Duration.ofMinutes(61));
    for (TimedFact f : six) {
      assertThat(Bursts.containing(six, f, HOUR, 5)).isEmpty();
    }
  }

  @Test
  void exactlyOneHourApartIsStillWithinTheHour() {
    List<TimedFact> six = every(Duration.ofMinutes(12), 6); // 0..60 min
    assertThat(Bursts.containing(six, six.get(5), HOUR, 5)).hasSize(6);
  }

  @Test
  void aLateEventInTheMiddleCompletesABurstWhateverTheArrivalOrder() {
    List<TimedFact> six = every(Duration.ofMinutes(5), 6);
    List<TimedFact> shuffled = new ArrayList<>(six);
    Collections.reverse(shuffled);
    TimedFact late = six.get(2); // arrives last, but lies in the middle in event time
    assertThat(Bursts.containing(shuffled, late, HOUR, 5)).containsExactlyElementsOf(six);
  }

  @Test
  void aFactOutsideEveryBurstIsNotPartOfOne() {
    List<TimedFact> facts = new ArrayList<>(every(Duration.ofMinutes(1), 6));
    TimedFact lonely = new TimedFact("lonely", T0.plus(Duration.ofHours(3)));
    facts.add(lonely);
    assertThat(Bursts.containing(facts, lonely, HOUR, 5)).isEmpty();
    assertThat(Bursts.containing(facts, facts.get(0), HOUR, 5)).hasSize(6).doesNotContain(lonely);
  }

  @Test
  void equalTimesAreOrderedByIdSoEveryInstanceAgrees() {
    TimedFact a = new TimedFact("a", T0);
    TimedFact b = new TimedFact("b", T0);
    assertThat(a.compareTo(b)).isNegative();
    assertThat(Bursts.containing(List.of(b, a), a, HOUR, 1)).containsExactly(a, b);
  }

  @Test
  void theTargetIsFoundByIdEvenWhenItsStoredTimeWasRounded() {
    List<TimedFact> stored = every(Duration.ofMinutes(1), 6); // as read back from the database (microseconds)
    TimedFact arriving = new TimedFact("e5", stored.get(5).at().plusNanos(123)); // as it arrived (nanoseconds)
    assertThat(Bursts.containing(stored, arriving, HOUR, 5)).hasSize(6);
  }
}
