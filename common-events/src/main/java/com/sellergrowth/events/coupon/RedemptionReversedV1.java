package com.sellergrowth.events.coupon;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * The order that redeemed a claim was cancelled or refunded (CPN-13). {@code claimStatus} is what the claim became:
 * UNUSED when the coupon is still valid, VOID otherwise. Key: couponId.
 */
public record RedemptionReversedV1(String couponId, String claimId, String sellerId, String orderId, String reason, String claimStatus,
    Instant occurredAt) {
  public static final EventType<RedemptionReversedV1> TYPE =
      new EventType<>("coupon.redemption-reversed", 1, RedemptionReversedV1.class, Topics.COUPON_EVENTS);
}
