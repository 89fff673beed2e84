package com.sellergrowth.shortlink.domain;

import java.time.Instant;

/** A link as a seller asks for it, before validation. */
public record LinkDraft(String target, String mobileTarget, String channel, String campaign, Utm utm, String alias, String sku,
    Instant expiresAt, Long maxVisits) {
}
