package com.sellergrowth.events.risk;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** risk-service decided that the condition behind an earlier pause is resolved (e.g. a timely stock sync). Key: couponId. */
public record ResumeCouponV1(String decisionId, String rule, String couponId, String sellerId, String resolvesDecisionId,
    Instant occurredAt) {
  public static final EventType<ResumeCouponV1> TYPE = new EventType<>("risk.resume-coupon", 1, ResumeCouponV1.class, Topics.RISK_DECISIONS);
}
