package com.sellergrowth.attribution.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * ATR-6, one click at a time in the order the clicks of one code arrive: its own invalid reason, or null when it counts. The
 * dedupe window starts at the click that counted: a device clicking a code every 55 minutes counts every other click (at 0,
 * 110, 220 minutes...), never once forever; a click exactly one window after the counted one counts again. A click that
 * arrives late, dated within the window before the counted one, is its duplicate too: the pair counts once whichever order
 * they arrive in (the anchor never moves back).
 */
public final class ClickClassifier {
  private final Duration dedupeWindow;

  public ClickClassifier(Duration dedupeWindow) {
    this.dedupeWindow = dedupeWindow;
  }

  /** What is known of a click when it is stored. */
  public record Facts(boolean rejectedSignature, String userAgent, boolean codeArchived, boolean itemUnsellable, String deviceId,
      Instant at) {
  }

  /** The window a device holds open on a code: the counted click that opened it, and when. */
  public record Anchor(UUID clickId, Instant countedAt) {
  }

  /** The outcome: the reason (null: counted) and the anchor after this click (the same one unless the click opened a window). */
  public record Outcome(InvalidReason reason, Anchor anchor, UUID duplicateOf) {
  }

  /** Decides a click against the device's current anchor on this code (null: none yet). Reasons in order of precedence. */
  public Outcome classify(UUID clickId, Facts f, Anchor anchor) {
    if (f.rejectedSignature()) {
      return new Outcome(InvalidReason.SIGNATURE, anchor, null);
    }
    if (BotMarkers.isBot(f.userAgent())) {
      return new Outcome(InvalidReason.BOT, anchor, null);
    }
    if (f.codeArchived()) {
      return new Outcome(InvalidReason.ARCHIVED, anchor, null);
    }
    if (f.itemUnsellable()) {
      return new Outcome(InvalidReason.ERR_404, anchor, null);
    }
    if (f.deviceId() == null) {
      return new Outcome(null, anchor, null); // no device to dedupe on
    }
    if (anchor != null && Duration.between(anchor.countedAt(), f.at()).abs().compareTo(dedupeWindow) < 0) {
      // within the window of the counted click, after it or (a late arrival) before it: either way the pair counts once
      return new Outcome(InvalidReason.DUPLICATE, anchor, anchor.clickId());
    }
    if (anchor != null && f.at().isBefore(anchor.countedAt())) {
      return new Outcome(null, anchor, null); // a late arrival from an older window: counts, and the window stays where it is
    }
    return new Outcome(null, new Anchor(clickId, f.at()), null);
  }
}
