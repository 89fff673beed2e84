package com.sellergrowth.events.shortlink;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A seller changed a link's target; the link keeps its code, stats and history (SHL-8). {@code version} counts changes. Key: code. */
public record LinkTargetChangedV1(String code, String sellerId, String previousTarget, String target, @OptionalField String mobileTarget,
    int version, Instant occurredAt) {
  public static final EventType<LinkTargetChangedV1> TYPE =
      new EventType<>("shortlink.link-target-changed", 1, LinkTargetChangedV1.class, Topics.SHORTLINK_EVENTS);
}
