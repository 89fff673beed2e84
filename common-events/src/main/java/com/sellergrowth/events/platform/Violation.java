package com.sellergrowth.events.platform;

import java.time.Instant;

/** A policy violation on the seller's record. {@code severity}: MINOR or SERIOUS. */
public record Violation(String code, String severity, Instant occurredAt) {
}
