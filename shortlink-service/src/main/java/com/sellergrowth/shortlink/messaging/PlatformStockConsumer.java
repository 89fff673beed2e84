package com.sellergrowth.shortlink.messaging;

import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.shortlink.service.PlatformFactsService;
import com.sellergrowth.support.inbox.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** {@code platform.stock}: delisted and out-of-stock targets fall back to the store page (SHL-5). */
@ApplicationScoped
public class PlatformStockConsumer {
  private final EventDispatcher dispatcher;

  public PlatformStockConsumer(PlatformFactsService facts, MeterRegistry registry) {
    this.dispatcher = EventDispatcher.builder(Channels.PLATFORM_STOCK_IN, registry)
        .on(StockSyncedV1.TYPE, e -> facts.onStockSynced(e.id(), e.payload()))
        .build();
  }

  @Incoming(Channels.PLATFORM_STOCK_IN)
  public Uni<Void> consume(Message<String> message) {
    return dispatcher.dispatch(message);
  }
}
