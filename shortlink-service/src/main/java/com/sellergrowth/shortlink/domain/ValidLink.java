package com.sellergrowth.shortlink.domain;

import java.time.Instant;

/** A link that passed every rule: canonical targets, the encoded UTM query, and the SKU whose stock decides the fallback. */
public record ValidLink(String target, String mobileTarget, String channel, String campaign, String utmQuery, String alias, String sku,
    Instant expiresAt, Long maxVisits) {
}
