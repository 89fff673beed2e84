package com.sellergrowth.attribution.messaging;

import com.sellergrowth.attribution.service.AttributionService;
import com.sellergrowth.attribution.service.AttributionService.Kind;
import com.sellergrowth.attribution.service.PlatformFactsService;
import com.sellergrowth.events.platform.OrderCancelledV1;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderPlacedV1;
import com.sellergrowth.events.platform.OrderRefundedV1;
import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.support.inbox.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The platform's topics: {@code platform.sellers} (ATR-2 enrolment), {@code platform.stock} (ERR_404) and {@code platform.orders}
 * (ATR-5 attribution, ATR-7 commission; a cancellation after payment is a refund). One dispatcher per channel (STYLE 6).
 */
@ApplicationScoped
public class PlatformConsumers {
  private final EventDispatcher sellers;
  private final EventDispatcher stock;
  private final EventDispatcher orders;

  public PlatformConsumers(PlatformFactsService facts, AttributionService attribution, MeterRegistry registry) {
    this.sellers = EventDispatcher.builder(Channels.PLATFORM_SELLERS_IN, registry)
        .on(SellerProfileUpdatedV1.TYPE, e -> facts.onSellerProfileUpdated(e.id(), e.payload())).build();
    this.stock = EventDispatcher.builder(Channels.PLATFORM_STOCK_IN, registry)
        .on(StockSyncedV1.TYPE, e -> facts.onStockSynced(e.id(), e.payload())).build();
    this.orders = EventDispatcher.builder(Channels.PLATFORM_ORDERS_IN, registry)
        .on(OrderPlacedV1.TYPE, e -> attribution.onOrder(e.id(), Kind.PLACED, e.payload().order(), e.payload().occurredAt()))
        .on(OrderPaidV1.TYPE, e -> attribution.onOrder(e.id(), Kind.PAID, e.payload().order(), e.payload().occurredAt()))
        .on(OrderRefundedV1.TYPE, e -> attribution.onOrder(e.id(), Kind.REFUNDED, e.payload().order(), e.payload().occurredAt()))
        .on(OrderCancelledV1.TYPE, e -> attribution.onOrder(e.id(), Kind.REFUNDED, e.payload().order(), e.payload().occurredAt()))
        .build();
  }

  @Incoming(Channels.PLATFORM_SELLERS_IN)
  public Uni<Void> onSellers(Message<String> message) {
    return sellers.dispatch(message);
  }

  @Incoming(Channels.PLATFORM_STOCK_IN)
  public Uni<Void> onStock(Message<String> message) {
    return stock.dispatch(message);
  }

  @Incoming(Channels.PLATFORM_ORDERS_IN)
  public Uni<Void> onOrders(Message<String> message) {
    return orders.dispatch(message);
  }
}
