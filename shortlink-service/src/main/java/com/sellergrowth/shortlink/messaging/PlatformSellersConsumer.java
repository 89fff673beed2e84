package com.sellergrowth.shortlink.messaging;

import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.shortlink.service.PlatformFactsService;
import com.sellergrowth.support.inbox.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** {@code platform.sellers}: seller eligibility (SHL-3). */
@ApplicationScoped
public class PlatformSellersConsumer {
  private final EventDispatcher dispatcher;

  public PlatformSellersConsumer(PlatformFactsService facts, MeterRegistry registry) {
    this.dispatcher = EventDispatcher.builder(Channels.PLATFORM_SELLERS_IN, registry)
        .on(SellerProfileUpdatedV1.TYPE, e -> facts.onSellerProfileUpdated(e.id(), e.payload()))
        .build();
  }

  @Incoming(Channels.PLATFORM_SELLERS_IN)
  public Uni<Void> consume(Message<String> message) {
    return dispatcher.dispatch(message);
  }
}
