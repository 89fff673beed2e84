package com.sellergrowth.attribution.messaging;

import com.sellergrowth.attribution.service.PlatformFactsService;
import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.support.inbox.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The platform's small topics: {@code platform.sellers} (ATR-2 enrolment) and {@code platform.stock} (ERR_404). One dispatcher
 * per channel (STYLE 6). {@code platform.orders} is consumed in batches by {@link PlatformOrdersConsumer}.
 */
@ApplicationScoped
public class PlatformConsumers {
  private final EventDispatcher sellers;
  private final EventDispatcher stock;

  public PlatformConsumers(PlatformFactsService facts, MeterRegistry registry) {
    this.sellers = EventDispatcher.builder(Channels.PLATFORM_SELLERS_IN, registry)
        .on(SellerProfileUpdatedV1.TYPE, e -> facts.onSellerProfileUpdated(e.id(), e.payload())).build();
    this.stock = EventDispatcher.builder(Channels.PLATFORM_STOCK_IN, registry)
        .on(StockSyncedV1.TYPE, e -> facts.onStockSynced(e.id(), e.payload())).build();
  }

  @Incoming(Channels.PLATFORM_SELLERS_IN)
  public Uni<Void> onSellers(Message<String> message) {
    return sellers.dispatch(message);
  }

  @Incoming(Channels.PLATFORM_STOCK_IN)
  public Uni<Void> onStock(Message<String> message) {
    return stock.dispatch(message);
  }
}
