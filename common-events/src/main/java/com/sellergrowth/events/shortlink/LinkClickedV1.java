package com.sellergrowth.events.shortlink;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * One request to a short link (SHL-6), at its event time {@code occurredAt}. No raw IP travels: {@code ipHash} is a keyed
 * hash of the client address (for burst rules, RSK-5) and {@code visitorHash} of address and user agent (for UV).
 * {@code deviceType}: DESKTOP, PHONE, TABLET, BOT or OTHER. {@code userAgentClass}: HUMAN or BOT, with {@code botReason}
 * (HEAD_REQUEST, BOT_USER_AGENT, EMPTY_USER_AGENT) for a bot. {@code country}: ISO 3166-1 alpha-2 when known.
 * {@code outcome}: TARGET, MOBILE_TARGET or STORE_FALLBACK (with {@code fallbackReason}). {@code referrer}: the referring
 * host only. The CloudEvents id is {@code clickId}. Key: code.
 */
public record LinkClickedV1(String clickId, String code, String sellerId, String ipHash, String visitorHash, String deviceType,
    @OptionalField String country, String userAgentClass, @OptionalField String botReason, @OptionalField String referrer, String outcome,
    @OptionalField String fallbackReason, Instant occurredAt) {
  public static final EventType<LinkClickedV1> TYPE = new EventType<>("shortlink.link-clicked", 1, LinkClickedV1.class, Topics.SHORTLINK_EVENTS);
}
