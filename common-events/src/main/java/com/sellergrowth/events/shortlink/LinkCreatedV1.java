package com.sellergrowth.events.shortlink;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * A seller created a short link (SHL-1). {@code target} is the validated marketplace URL without UTM parameters;
 * {@code mobileTarget} is the page for phones and tablets when the seller set one. Key: code.
 */
public record LinkCreatedV1(String code, String sellerId, @OptionalField String channel, @OptionalField String campaign, String target,
    @OptionalField String mobileTarget, @OptionalField String sku, @OptionalField Instant expiresAt, @OptionalField Long maxVisits,
    Instant occurredAt) {
  public static final EventType<LinkCreatedV1> TYPE = new EventType<>("shortlink.link-created", 1, LinkCreatedV1.class, Topics.SHORTLINK_EVENTS);
}
