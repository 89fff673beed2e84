package com.sellergrowth.gift.domain;

import java.util.Set;

/** What the trigger rules read of an order (GFT-3): amount in minor units of its currency, destination, line categories. */
public record OrderFacts(String orderId, String sellerId, String buyerId, String country, String currency, long amountMinor,
    Set<String> categories) {
}
