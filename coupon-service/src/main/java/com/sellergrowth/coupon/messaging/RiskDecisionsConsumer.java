package com.sellergrowth.coupon.messaging;

import com.sellergrowth.coupon.service.RiskDecisionService;
import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.events.risk.PauseCouponV1;
import com.sellergrowth.events.risk.ResumeCouponV1;
import com.sellergrowth.support.inbox.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** {@code risk.decisions}: pause and resume coupons (CPN-17). Decisions about other services' objects are acked unhandled. */
@ApplicationScoped
public class RiskDecisionsConsumer {
  private final EventDispatcher dispatcher;

  public RiskDecisionsConsumer(RiskDecisionService decisions, MeterRegistry registry) {
    this.dispatcher = EventDispatcher.builder(Channels.RISK_DECISIONS_IN, registry)
        .on(PauseCouponV1.TYPE, e -> decisions.onPause(e.id(), e.payload()))
        .on(ResumeCouponV1.TYPE, e -> decisions.onResume(e.id(), e.payload()))
        .on(DecisionReleasedV1.TYPE, e -> decisions.onReleased(e.id(), e.payload()))
        .build();
  }

  @Incoming(Channels.RISK_DECISIONS_IN)
  public Uni<Void> consume(Message<String> message) {
    return dispatcher.dispatch(message);
  }
}
