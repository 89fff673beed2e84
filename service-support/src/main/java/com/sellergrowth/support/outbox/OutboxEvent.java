package com.sellergrowth.support.outbox;

import java.time.Instant;
import java.util.UUID;

/** One row of the outbox, as the relay reads it. */
public record OutboxEvent(long id, UUID eventId, String topic, String key, String type, int version, String subject, String payload,
    String traceparent, Instant occurredAt) {
}
