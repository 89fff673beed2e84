package com.sellergrowth.events.gift;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** The seller confirmed a gift dispatch as shipped (GFT-7); it ends a run of failures (RSK-4). Key: sellerId. */
public record GiftShippedV1(String dispatchId, String sellerId, String waybill, Instant occurredAt) {
  public static final EventType<GiftShippedV1> TYPE = new EventType<>("gift.shipped", 1, GiftShippedV1.class, Topics.GIFT_EVENTS);
}
