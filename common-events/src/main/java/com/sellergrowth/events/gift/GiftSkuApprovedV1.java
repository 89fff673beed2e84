package com.sellergrowth.events.gift;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** An operator approved a gift SKU (GFT-2): it may be given away by the seller's trigger rules. Key: sellerId. */
public record GiftSkuApprovedV1(String giftId, String sellerId, String reviewedBy, Instant occurredAt) {
  public static final EventType<GiftSkuApprovedV1> TYPE =
      new EventType<>("gift.sku-approved", 1, GiftSkuApprovedV1.class, Topics.GIFT_EVENTS);
}
