package com.sellergrowth.events.gift;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A dispatch got its waybill ({@code SG...}, GFT-7) and its fee in CNY minor units (GFT-5). Key: sellerId. */
public record GiftDispatchLabelledV1(String dispatchId, String sellerId, String orderId, String waybill, long feeMinor, String feeCurrency,
    Instant occurredAt) {
  public static final EventType<GiftDispatchLabelledV1> TYPE =
      new EventType<>("gift.dispatch-labelled", 1, GiftDispatchLabelledV1.class, Topics.GIFT_EVENTS);
}
