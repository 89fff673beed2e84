package com.sellergrowth.gift.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A seller's trigger rule (GFT-3): a paid order of at least {@code thresholdMinor} in {@code currency} (minor units, compared
 * exactly), with a line in one of {@code categories} and shipped to one of {@code countries} (empty: any), gets one unit of
 * {@code giftId}. Among the rules an order meets, the lowest {@code priority} wins, then the oldest rule.
 */
public record TriggerRule(UUID id, UUID giftId, long thresholdMinor, String currency, Set<String> categories, Set<String> countries,
    int priority, Instant createdAt) {
}
