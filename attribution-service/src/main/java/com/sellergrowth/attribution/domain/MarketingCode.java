package com.sellergrowth.attribution.domain;

import java.time.Instant;
import java.util.UUID;

/** A stored marketing code (ATR-1, ATR-3). {@code version} grows with every change (optimistic lock). */
public record MarketingCode(UUID id, String sellerId, ValidCode code, String link, String keyId, CodeStatus status, int version,
    Instant createdAt, Instant archivedAt) {
}
