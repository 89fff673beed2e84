package com.sellergrowth.coupon.messaging;

import com.sellergrowth.coupon.service.PlatformFactsService;
import com.sellergrowth.events.platform.DisputeClosedV1;
import com.sellergrowth.events.platform.DisputeEscalatedV1;
import com.sellergrowth.support.inbox.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** {@code platform.disputes}: disputes in arbitration per buyer, escalated and closed (CPN-9). */
@ApplicationScoped
public class PlatformDisputesConsumer {
  private final EventDispatcher dispatcher;

  public PlatformDisputesConsumer(PlatformFactsService facts, MeterRegistry registry) {
    this.dispatcher = EventDispatcher.builder(Channels.PLATFORM_DISPUTES_IN, registry)
        .on(DisputeEscalatedV1.TYPE, e -> facts.onDisputeEscalated(e.id(), e.payload()))
        .on(DisputeClosedV1.TYPE, e -> facts.onDisputeClosed(e.id(), e.payload()))
        .build();
  }

  @Incoming(Channels.PLATFORM_DISPUTES_IN)
  public Uni<Void> consume(Message<String> message) {
    return dispatcher.dispatch(message);
  }
}
