package com.sellergrowth.events.coupon;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/** A claim was refused; {@code code} is the detailed refusal code (e.g. ERR_COUPON_REGION). Key: couponId. */
public record ClaimRejectedV1(String couponId, String sellerId, String buyerId, String code, @OptionalField String buyerCountry,
    @OptionalField String ip, Instant occurredAt) {
  public static final EventType<ClaimRejectedV1> TYPE = new EventType<>("coupon.claim-rejected", 1, ClaimRejectedV1.class, Topics.COUPON_EVENTS);
}
