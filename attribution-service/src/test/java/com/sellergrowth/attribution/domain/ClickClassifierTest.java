package com.sellergrowth.attribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ATR-6: each click's reason, in precedence order; the dedupe window starts at the counted click. */
class ClickClassifierTest {
  static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0";
  final ClickClassifier classifier = new ClickClassifier(Duration.ofHours(1));

  private static ClickClassifier.Facts at(Instant t) {
    return new ClickClassifier.Facts(false, BROWSER, false, false, "device-1", t);
  }

  @Test
  void aDeviceClickingEvery55MinutesCountsEveryOtherClickNotOnceForever() {
    ClickClassifier.Anchor anchor = null;
    StringBuilder outcomes = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      UUID id = UUID.randomUUID();
      ClickClassifier.Outcome o = classifier.classify(id, at(T0.plus(Duration.ofMinutes(55L * i))), anchor);
      outcomes.append(o.reason() == null ? "C" : "D");
      anchor = o.anchor();
    }
    assertThat(outcomes.toString()).isEqualTo("CDCDCD");
  }

  @Test
  void theWindowIsOneHourFromTheCountedClickExactly() {
    UUID first = UUID.randomUUID();
    ClickClassifier.Anchor anchor = classifier.classify(first, at(T0), null).anchor();
    assertThat(anchor).isEqualTo(new ClickClassifier.Anchor(first, T0));
    ClickClassifier.Outcome dup = classifier.classify(UUID.randomUUID(), at(T0.plus(Duration.ofMinutes(60)).minusMillis(1)), anchor);
    assertThat(dup.reason()).isEqualTo(InvalidReason.DUPLICATE);
    assertThat(dup.duplicateOf()).isEqualTo(first);
    assertThat(dup.anchor()).isEqualTo(anchor);
    UUID next = UUID.randomUUID();
    ClickClassifier.Outcome counted = classifier.classify(next, at(T0.plus(Duration.ofMinutes(60))), anchor);
    assertThat(counted.reason()).isNull();
    assertThat(counted.anchor()).isEqualTo(new ClickClassifier.Anchor(next, T0.plus(Duration.ofMinutes(60))));
  }

  @Test
  void aLateClickDatedWithinTheWindowBeforeTheCountedOneIsItsDuplicate() {
    UUID counted = UUID.randomUUID();
    ClickClassifier.Anchor anchor = new ClickClassifier.Anchor(counted, T0);
    ClickClassifier.Outcome late = classifier.classify(UUID.randomUUID(), at(T0.minus(Duration.ofMinutes(59))), anchor);
    assertThat(late.reason()).isEqualTo(InvalidReason.DUPLICATE);
    assertThat(late.duplicateOf()).isEqualTo(counted);
    assertThat(late.anchor()).isSameAs(anchor);
  }

  @Test
  void aLateClickFromAnOlderWindowCountsAndMovesNothing() {
    ClickClassifier.Anchor anchor = new ClickClassifier.Anchor(UUID.randomUUID(), T0);
    ClickClassifier.Outcome o = classifier.classify(UUID.randomUUID(), at(T0.minus(Duration.ofMinutes(60))), anchor);
    assertThat(o.reason()).isNull();
    assertThat(o.anchor()).isSameAs(anchor);
  }

  @Test
  void withoutADeviceThereIsNothingToDedupeOn() {
    ClickClassifier.Anchor anchor = new ClickClassifier.Anchor(UUID.randomUUID(), T0);
    ClickClassifier.Outcome o = classifier.classify(UUID.randomUUID(), new ClickClassifier.Facts(false, BROWSER, false, false, null,
        T0.plusSeconds(1)), anchor);
    assertThat(o.reason()).isNull();
    assertThat(o.anchor()).isSameAs(anchor);
  }

  @Test
  void reasonsComeInPrecedenceOrderAndInvalidClicksOpenNoWindow() {
    ClickClassifier.Anchor anchor = new ClickClassifier.Anchor(UUID.randomUUID(), T0);
    Instant t = T0.plusSeconds(10);
    assertThat(classifier.classify(UUID.randomUUID(), new ClickClassifier.Facts(true, null, true, true, "d", t), anchor).reason())
        .isEqualTo(InvalidReason.SIGNATURE);
    assertThat(classifier.classify(UUID.randomUUID(), new ClickClassifier.Facts(false, "curl/8.0", true, true, "d", t), anchor).reason())
        .isEqualTo(InvalidReason.BOT);
    assertThat(classifier.classify(UUID.randomUUID(), new ClickClassifier.Facts(false, BROWSER, true, true, "d", t), anchor).reason())
        .isEqualTo(InvalidReason.ARCHIVED);
    ClickClassifier.Outcome unsellable = classifier.classify(UUID.randomUUID(), new ClickClassifier.Facts(false, BROWSER, false, true, "d",
        t.plus(Duration.ofHours(2))), anchor);
    assertThat(unsellable.reason()).isEqualTo(InvalidReason.ERR_404);
    assertThat(unsellable.anchor()).isSameAs(anchor);
    assertThat(classifier.classify(UUID.randomUUID(), new ClickClassifier.Facts(false, BROWSER, false, false, "d", t), anchor).reason())
        .isEqualTo(InvalidReason.DUPLICATE);
  }

  @Test
  void robotsAreRecognisedByTheirUserAgent() {
    assertThat(BotMarkers.isBot(null)).isTrue();
    assertThat(BotMarkers.isBot("  ")).isTrue();
    assertThat(BotMarkers.isBot("Mozilla/5.0 (compatible; Googlebot/2.1)")).isTrue();
    assertThat(BotMarkers.isBot("python-requests/2.31")).isTrue();
    assertThat(BotMarkers.isBot("facebookexternalhit/1.1")).isTrue();
    assertThat(BotMarkers.isBot(BROWSER)).isFalse();
    assertThat(BotMarkers.isBot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Safari/604.1")).isFalse();
  }
}
