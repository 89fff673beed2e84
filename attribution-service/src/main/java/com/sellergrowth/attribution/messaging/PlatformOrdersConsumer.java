package com.sellergrowth.attribution.messaging;

import com.sellergrowth.attribution.service.AttributionService;
import com.sellergrowth.attribution.service.AttributionService.Kind;
import com.sellergrowth.attribution.service.AttributionService.OrderEvent;
import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.platform.OrderCancelledV1;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderPlacedV1;
import com.sellergrowth.events.platform.OrderRefundedV1;
import com.sellergrowth.support.inbox.DeadLetters;
import com.sellergrowth.support.inbox.EventEnvelope;
import com.sellergrowth.support.inbox.Failures;
import com.sellergrowth.support.inbox.RecordDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code platform.orders}, in batches (ATR-5, ATR-7; a cancellation is handled as a refund): one transaction per batch
 * (AttributionService#onOrders). An order that breaks the contract or its bounds is dead-lettered alone; a batch PostgreSQL
 * refuses is applied event by event so the one at fault is dead-lettered alone; an outage is retried until it ends. The
 * batch is acknowledged only once applied.
 */
@ApplicationScoped
public class PlatformOrdersConsumer {
  private static final Logger LOG = Logger.getLogger(PlatformOrdersConsumer.class);

  private final AttributionService attribution;
  private final DeadLetters deadLetters;
  private final MeterRegistry registry;

  public PlatformOrdersConsumer(AttributionService attribution, @Channel(Channels.DEAD_LETTER_OUT) MutinyEmitter<String> deadLetterEmitter,
      MeterRegistry registry) {
    this.attribution = attribution;
    this.deadLetters = new DeadLetters(deadLetterEmitter);
    this.registry = registry;
  }

  @Incoming(Channels.PLATFORM_ORDERS_IN)
  public Uni<Void> consume(ConsumerRecords<String, String> batch) {
    return Uni.createFrom().item(batch).emitOn(Infrastructure.getDefaultWorkerPool()).chain(this::apply);
  }

  private Uni<Void> apply(ConsumerRecords<String, String> batch) {
    List<OrderEvent> events = new ArrayList<>();
    Map<OrderEvent, ConsumerRecord<String, String>> records = new IdentityHashMap<>();
    List<Uni<Void>> rejected = new ArrayList<>();
    for (ConsumerRecord<String, String> r : batch) {
      try {
        OrderEvent e = event(RecordDecoder.decode(r));
        if (e != null) {
          events.add(e);
          records.put(e, r);
        }
      } catch (EventRejectedException | IllegalArgumentException ex) {
        count("dead-lettered", 1);
        LOG.warnf("platform.orders record %d/%d dead-lettered: %s", r.partition(), r.offset(), ex.getMessage());
        rejected.add(deadLetters.send(r, ex.getMessage()));
      }
    }
    Uni<Void> work = events.isEmpty() ? Uni.createFrom().voidItem()
        : attribution.onOrders(events).onFailure(Failures::isDataError).recoverWithUni(f -> oneByOne(events, records))
            .invoke(() -> count("applied", events.size()));
    for (Uni<Void> dlq : rejected) {
      work = work.chain(() -> dlq);
    }
    return work.onFailure().invoke(f -> LOG.warnf("platform.orders batch of %d not applied yet, retrying: %s", batch.count(), f.getMessage()))
        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
  }

  private OrderEvent event(EventEnvelope<? extends Record> e) {
    if (e == null) {
      return null; // a type the contract does not know (yet): skipped
    }
    if (e.payload() instanceof OrderPlacedV1 o) {
      return attribution.check(e.id(), Kind.PLACED, o.order(), o.occurredAt());
    } else if (e.payload() instanceof OrderPaidV1 o) {
      return attribution.check(e.id(), Kind.PAID, o.order(), o.occurredAt());
    } else if (e.payload() instanceof OrderRefundedV1 o) {
      return attribution.check(e.id(), Kind.REFUNDED, o.order(), o.occurredAt());
    } else if (e.payload() instanceof OrderCancelledV1 o) {
      return attribution.check(e.id(), Kind.REFUNDED, o.order(), o.occurredAt());
    }
    return null;
  }

  private Uni<Void> oneByOne(List<OrderEvent> events, Map<OrderEvent, ConsumerRecord<String, String>> records) {
    return Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(e -> attribution.onOrders(List.of(e))
        .onFailure(Failures::isDataError).recoverWithUni(error -> {
          count("dead-lettered", 1);
          return deadLetters.send(records.get(e), "attribution-service cannot store it: " + error.getMessage());
        })).collect().last().replaceWithVoid();
  }

  private void count(String outcome, int n) {
    if (n > 0) {
      registry.counter("events.consumed", "consumer", Channels.PLATFORM_ORDERS_IN, "event_type", "platform.order", "outcome", outcome)
          .increment(n);
    }
  }
}
