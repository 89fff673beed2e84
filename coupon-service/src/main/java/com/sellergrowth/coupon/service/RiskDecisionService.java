package com.sellergrowth.coupon.service;

import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.events.risk.PauseCouponV1;
import com.sellergrowth.events.risk.ResumeCouponV1;
import com.sellergrowth.support.inbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Obeys risk-service (CPN-17, RSK-1..3): pause on PauseCoupon, resume on ResumeCoupon or an operator's DecisionReleased. */
@ApplicationScoped
public class RiskDecisionService {
  private static final String CONSUMER = "coupon-service:risk.decisions";
  private final CouponService coupons;
  private final ProcessedEvents inbox;

  public RiskDecisionService(CouponService coupons, ProcessedEvents inbox) {
    this.coupons = coupons;
    this.inbox = inbox;
  }

  public Uni<Boolean> onPause(String eventId, PauseCouponV1 d) {
    return once(eventId, () -> coupons.pauseByRisk(couponId(d.couponId()), d.decisionId(), d.rule() + ": " + d.reason(), d.occurredAt()));
  }

  public Uni<Boolean> onResume(String eventId, ResumeCouponV1 d) {
    return once(eventId, () -> coupons.resumeByRisk(couponId(d.couponId()), d.resolvesDecisionId(), "RISK", d.occurredAt()));
  }

  public Uni<Boolean> onReleased(String eventId, DecisionReleasedV1 d) {
    if (!"COUPON".equals(d.subjectType())) {
      return Uni.createFrom().item(false);
    }
    return once(eventId, () -> coupons.resumeByRisk(couponId(d.subjectId()), d.decisionId(), "OPERATOR", d.occurredAt()));
  }

  /** A decision naming something that is not a coupon id does not match the contract: it goes to the DLQ, not to retries. */
  private static UUID couponId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new EventRejectedException("not a coupon id: " + id);
    }
  }

  private Uni<Boolean> once(String eventId, java.util.function.Supplier<Uni<?>> effect) {
    return Panache.withTransaction(() -> inbox.applyOnce(CONSUMER, eventId, effect));
  }
}
