package com.sellergrowth.shortlink.messaging;

import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.events.risk.InvalidateClickV1;
import com.sellergrowth.shortlink.persistence.ClickStore;
import com.sellergrowth.support.inbox.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code risk.decisions} (RSK-5): a short-link click risk-service invalidated leaves the link's valid stats, with its reason;
 * an operator's release brings it back. Both effects set a state rather than count, and a click's decisions share its key
 * (one partition, in order), so a redelivery or a replay ends in the same state. Decisions about other objects are acked.
 */
@ApplicationScoped
public class RiskDecisionsConsumer {
  private static final String SOURCE = "SHORTLINK";
  private final EventDispatcher dispatcher;

  public RiskDecisionsConsumer(ClickStore clicks, MeterRegistry registry) {
    this.dispatcher = EventDispatcher.builder(Channels.RISK_DECISIONS_IN, registry)
        .on(InvalidateClickV1.TYPE, e -> SOURCE.equals(e.payload().source())
            ? clicks.invalidate(clickId(e.payload().clickId()), e.payload().reason(), e.payload().decisionId()).replaceWith(true)
            : Uni.createFrom().item(false))
        .on(DecisionReleasedV1.TYPE, e -> "CLICK".equals(e.payload().subjectType())
            ? clicks.release(clickId(e.payload().subjectId())).replaceWith(true)
            : Uni.createFrom().item(false))
        .build();
  }

  @Incoming(Channels.RISK_DECISIONS_IN)
  public Uni<Void> consume(Message<String> message) {
    return dispatcher.dispatch(message);
  }

  /** Click ids are UUIDs (the stats key); anything else breaks the contract and goes to the DLQ. */
  private static UUID clickId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new EventRejectedException("not a click id: " + id);
    }
  }
}
