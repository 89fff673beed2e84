package com.sellergrowth.events.gift;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * A paid order met a trigger rule (GFT-3) and one unit of the gift was reserved in the gift warehouse (GFT-4): a PENDING
 * dispatch the seller must label and confirm within 48 hours (GFT-7, GFT-8). Key: sellerId.
 */
public record GiftDispatchCreatedV1(String dispatchId, String sellerId, String orderId, String giftId, String ruleId, String country,
    Instant confirmBy, Instant occurredAt) {
  public static final EventType<GiftDispatchCreatedV1> TYPE =
      new EventType<>("gift.dispatch-created", 1, GiftDispatchCreatedV1.class, Topics.GIFT_EVENTS);
}
