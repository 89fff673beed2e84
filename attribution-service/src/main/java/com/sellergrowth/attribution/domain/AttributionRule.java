package com.sellergrowth.attribution.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * ATR-5, last click: an order placed within the window after a counted click of the same device (or the click the order names,
 * {@code attributionClickId}) is attributed to the most recent such click. The window is closed at both ends: an order exactly
 * 30:00 after its click is attributed, 30:01 is not; an order sooner than the minimum click-to-order time after a click is not
 * attributed to it (a click injected just before checkout). Ties in time go to the click the order names, then to the higher id.
 */
public final class AttributionRule {
  public static final String RULE = "ATR-5 last click";

  private final Duration window;
  private final Duration minClickToOrder;

  public AttributionRule(Duration window, Duration minClickToOrder) {
    this.window = window;
    this.minClickToOrder = minClickToOrder;
  }

  /** A counted click that may win. */
  public record Candidate(UUID clickId, UUID codeId, String deviceId, Instant at) {
  }

  /** The winning click and how it matched: CLICK_ID or DEVICE. */
  public record Winner(Candidate click, String matchedBy) {
  }

  public Duration window() {
    return window;
  }

  /** Whether a click at {@code clickAt} may win an order placed at {@code orderAt}. */
  public boolean inWindow(Instant clickAt, Instant orderAt) {
    Duration gap = Duration.between(clickAt, orderAt);
    return gap.compareTo(minClickToOrder) >= 0 && gap.compareTo(window) <= 0;
  }

  /**
   * The winner among {@code candidates} (counted clicks only) for an order placed at {@code orderAt} from {@code deviceId}
   * naming {@code namedClickId} (either may be null); empty when none is in the window.
   */
  public Optional<Winner> winner(List<Candidate> candidates, Instant orderAt, String deviceId, UUID namedClickId) {
    return candidates.stream()
        .filter(c -> matchedBy(c, deviceId, namedClickId) != null && inWindow(c.at(), orderAt))
        .max(Comparator.comparing(Candidate::at).thenComparing(c -> c.clickId().equals(namedClickId)).thenComparing(Candidate::clickId))
        .map(c -> new Winner(c, matchedBy(c, deviceId, namedClickId)));
  }

  private static String matchedBy(Candidate c, String deviceId, UUID namedClickId) {
    if (c.clickId().equals(namedClickId)) {
      return "CLICK_ID";
    }
    return deviceId != null && deviceId.equals(c.deviceId()) ? "DEVICE" : null;
  }
}
