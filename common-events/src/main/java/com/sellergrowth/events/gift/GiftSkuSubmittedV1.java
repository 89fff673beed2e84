package com.sellergrowth.events.gift;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A seller submitted a gift SKU for review (GFT-2); the automatic checks passed and it waits in the operators' queue. Key: sellerId. */
public record GiftSkuSubmittedV1(String giftId, String sellerId, String name, String categoryId, Instant occurredAt) {
  public static final EventType<GiftSkuSubmittedV1> TYPE =
      new EventType<>("gift.sku-submitted", 1, GiftSkuSubmittedV1.class, Topics.GIFT_EVENTS);
}
