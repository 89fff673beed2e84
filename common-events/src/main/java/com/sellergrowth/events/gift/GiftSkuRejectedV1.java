package com.sellergrowth.events.gift;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;
import java.util.List;

/**
 * A gift SKU was refused (GFT-2). {@code stage}: AUTOMATIC (the checks on submission; {@code reviewedBy} absent) or REVIEW
 * (an operator). {@code reasonCodes}: every reason, e.g. GFT_NOT_FOR_SALE_MISSING. Key: sellerId.
 */
public record GiftSkuRejectedV1(String giftId, String sellerId, String stage, List<String> reasonCodes, @OptionalField String reviewedBy,
    Instant occurredAt) {
  public static final EventType<GiftSkuRejectedV1> TYPE =
      new EventType<>("gift.sku-rejected", 1, GiftSkuRejectedV1.class, Topics.GIFT_EVENTS);
}
