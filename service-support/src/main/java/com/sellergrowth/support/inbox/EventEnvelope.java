package com.sellergrowth.support.inbox;

import java.time.Instant;

/** An incoming event of the contract: its CloudEvents id (the idempotency key), event time, subject and typed payload. */
public record EventEnvelope<T extends Record>(String id, String type, int version, Instant time, String subject, T payload) {
}
