package com.sellergrowth.events.shortlink;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A seller deleted a link; its code answers 404 from now on and is never reused (SHL-5). Key: code. */
public record LinkDeletedV1(String code, String sellerId, Instant occurredAt) {
  public static final EventType<LinkDeletedV1> TYPE = new EventType<>("shortlink.link-deleted", 1, LinkDeletedV1.class, Topics.SHORTLINK_EVENTS);
}
