package com.sellergrowth.coupon.messaging;

import com.sellergrowth.coupon.service.RedemptionService;
import com.sellergrowth.events.platform.OrderCancelledV1;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderRefundedV1;
import com.sellergrowth.support.inbox.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** {@code platform.orders}: redemption and its reversal (CPN-13). OrderPlaced is not needed here and is acked unhandled. */
@ApplicationScoped
public class PlatformOrdersConsumer {
  private final EventDispatcher dispatcher;

  public PlatformOrdersConsumer(RedemptionService redemptions, MeterRegistry registry) {
    this.dispatcher = EventDispatcher.builder(Channels.PLATFORM_ORDERS_IN, registry)
        .on(OrderPaidV1.TYPE, e -> redemptions.onOrderPaid(e.id(), e.payload().order(), e.payload().occurredAt()))
        .on(OrderCancelledV1.TYPE, e -> redemptions.onOrderReversed(e.id(), e.payload().order(), "CANCELLED", e.payload().occurredAt()))
        .on(OrderRefundedV1.TYPE, e -> redemptions.onOrderReversed(e.id(), e.payload().order(), "REFUNDED", e.payload().occurredAt()))
        .build();
  }

  @Incoming(Channels.PLATFORM_ORDERS_IN)
  public Uni<Void> consume(Message<String> message) {
    return dispatcher.dispatch(message);
  }
}
