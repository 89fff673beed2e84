package com.sellergrowth.attribution.messaging;

import com.sellergrowth.attribution.service.RiskDecisionService;
import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.events.risk.InvalidateClickV1;
import com.sellergrowth.support.inbox.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** {@code risk.decisions} (RSK-5): marketing-code clicks risk-service invalidated, and their releases. Other decisions are acked. */
@ApplicationScoped
public class RiskDecisionsConsumer {
  private static final String SOURCE = "ATTRIBUTION";
  private final EventDispatcher dispatcher;

  public RiskDecisionsConsumer(RiskDecisionService risk, MeterRegistry registry) {
    this.dispatcher = EventDispatcher.builder(Channels.RISK_DECISIONS_IN, registry)
        .on(InvalidateClickV1.TYPE, e -> SOURCE.equals(e.payload().source())
            ? risk.invalidate(e.id(), clickId(e.payload().clickId()), e.payload().reason(), e.payload().decisionId(), e.payload().occurredAt())
            : Uni.createFrom().item(false))
        .on(DecisionReleasedV1.TYPE, e -> "CLICK".equals(e.payload().subjectType()) && isUuid(e.payload().subjectId())
            ? risk.release(e.id(), UUID.fromString(e.payload().subjectId()), e.payload().decisionId())
            : Uni.createFrom().item(false))
        .build();
  }

  @Incoming(Channels.RISK_DECISIONS_IN)
  public Uni<Void> consume(Message<String> message) {
    return dispatcher.dispatch(message);
  }

  private static UUID clickId(String id) {
    if (!isUuid(id)) {
      throw new EventRejectedException("not a click id: " + id);
    }
    return UUID.fromString(id);
  }

  private static boolean isUuid(String s) {
    try {
      UUID.fromString(s);
      return s.length() == 36;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }
}
