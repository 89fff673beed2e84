package com.sellergrowth.events.gift;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * A gift dispatch failed (GFT-7: {@code code} such as ERR-407, ERR-211; GFT-8: NOT_CONFIRMED_48H when the seller did not
 * confirm shipment in time). Three in a row for a seller freeze the gift feature (GFT-9, RSK-4). Key: sellerId.
 */
public record GiftDispatchFailedV1(String dispatchId, String sellerId, String code, Instant occurredAt) {
  public static final EventType<GiftDispatchFailedV1> TYPE =
      new EventType<>("gift.dispatch-failed", 1, GiftDispatchFailedV1.class, Topics.GIFT_EVENTS);
}
