package com.sellergrowth.gift.messaging;

import com.sellergrowth.events.platform.OrderCancelledV1;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderPlacedV1;
import com.sellergrowth.events.platform.OrderRefundedV1;
import com.sellergrowth.gift.service.OrderEvent.Kind;
import com.sellergrowth.gift.service.OrderEvent;
import com.sellergrowth.gift.service.OrderService;
import com.sellergrowth.support.inbox.BatchIngest;
import com.sellergrowth.support.inbox.DeadLetters;
import com.sellergrowth.support.inbox.EventEnvelope;
import com.sellergrowth.support.inbox.RecordDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code platform.orders}, in batches (GFT-3, GFT-4, GFT-11): one transaction per batch (OrderService). An order that breaks
 * the contract or its bounds is dead-lettered alone; a batch PostgreSQL refuses is applied event by event so the one at fault
 * is dead-lettered alone; an outage is retried until it ends (service-support BatchIngest).
 */
@ApplicationScoped
public class PlatformOrdersConsumer {
  private final BatchIngest<OrderEvent> ingest;

  public PlatformOrdersConsumer(OrderService orders, @Channel(Channels.DEAD_LETTER_OUT) MutinyEmitter<String> deadLetterEmitter,
      MeterRegistry registry) {
    this.ingest = new BatchIngest<>(Channels.PLATFORM_ORDERS_IN, "platform.order", r -> event(RecordDecoder.decode(r)), orders::onOrders,
        new DeadLetters(deadLetterEmitter), registry);
  }

  @Incoming(Channels.PLATFORM_ORDERS_IN)
  public Uni<Void> consume(ConsumerRecords<String, String> batch) {
    return ingest.ingest(batch);
  }

  private static OrderEvent event(EventEnvelope<? extends Record> e) {
    if (e == null) {
      return null; // a type the contract does not know (yet): skipped
    }
    if (e.payload() instanceof OrderPlacedV1 o) {
      return OrderService.check(e.id(), Kind.PLACED, o.order(), o.occurredAt());
    } else if (e.payload() instanceof OrderPaidV1 o) {
      return OrderService.check(e.id(), Kind.PAID, o.order(), o.occurredAt());
    } else if (e.payload() instanceof OrderCancelledV1 o) {
      return OrderService.check(e.id(), Kind.CANCELLED, o.order(), o.occurredAt());
    } else if (e.payload() instanceof OrderRefundedV1 o) {
      return OrderService.check(e.id(), Kind.REFUNDED, o.order(), o.occurredAt());
    }
    return null;
  }
}
