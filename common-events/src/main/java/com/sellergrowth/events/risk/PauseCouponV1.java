package com.sellergrowth.events.risk;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** risk-service decided that a coupon must stop accepting claims. {@code decisionId} is replay-stable (RSK-8). Key: couponId. */
public record PauseCouponV1(String decisionId, String rule, String couponId, String sellerId, String reason, Instant occurredAt) {
  public static final EventType<PauseCouponV1> TYPE = new EventType<>("risk.pause-coupon", 1, PauseCouponV1.class, Topics.RISK_DECISIONS);
}
