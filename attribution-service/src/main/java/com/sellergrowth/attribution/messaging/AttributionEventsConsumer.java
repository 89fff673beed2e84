package com.sellergrowth.attribution.messaging;

import com.sellergrowth.attribution.domain.ClickIn;
import com.sellergrowth.attribution.service.ClickService;
import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.attribution.ClickAttributedV1;
import com.sellergrowth.events.attribution.ClickRejectedV1;
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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code attribution.events}, in batches: the clicks this service's redirect published (ATR-6) become click facts, one
 * transaction per batch (ClickService). Other attribution events are its own lifecycle records and are skipped. A record that
 * breaks the contract is dead-lettered alone; a batch PostgreSQL refuses is stored click by click so the one at fault is
 * dead-lettered alone; an outage is retried until it ends. The batch is acknowledged only once stored.
 */
@ApplicationScoped
public class AttributionEventsConsumer {
  private static final Logger LOG = Logger.getLogger(AttributionEventsConsumer.class);

  private final ClickService clicks;
  private final DeadLetters deadLetters;
  private final MeterRegistry registry;

  public AttributionEventsConsumer(ClickService clicks, @Channel(Channels.DEAD_LETTER_OUT) MutinyEmitter<String> deadLetterEmitter,
      MeterRegistry registry) {
    this.clicks = clicks;
    this.deadLetters = new DeadLetters(deadLetterEmitter);
    this.registry = registry;
  }

  @Incoming(Channels.ATTRIBUTION_EVENTS_IN)
  public Uni<Void> consume(ConsumerRecords<String, String> batch) {
    return Uni.createFrom().item(batch).emitOn(Infrastructure.getDefaultWorkerPool()).chain(this::apply);
  }

  private Uni<Void> apply(ConsumerRecords<String, String> batch) {
    List<ClickIn> in = new ArrayList<>();
    Map<ClickIn, ConsumerRecord<String, String>> records = new IdentityHashMap<>();
    List<Uni<Void>> rejected = new ArrayList<>();
    for (ConsumerRecord<String, String> r : batch) {
      try {
        // our own topic, written by our outbox from the contract's records: bound without the schema pass per click (CPU),
        // the fields the click facts need are checked below
        EventEnvelope<? extends Record> e = RecordDecoder.decodeOwn(r);
        ClickIn c = null;
        if (e != null && e.payload() instanceof ClickAttributedV1 a) {
          c = new ClickIn(uuid(a.clickId()), uuid(a.codeId()), a.deviceId(), a.ipHash(), a.userAgent(), at(a.occurredAt()), false);
        } else if (e != null && e.payload() instanceof ClickRejectedV1 x) {
          c = new ClickIn(uuid(x.clickId()), uuid(x.codeId()), null, null, null, at(x.occurredAt()), true);
        }
        if (c != null) {
          in.add(c);
          records.put(c, r);
        }
      } catch (EventRejectedException | IllegalArgumentException ex) {
        count("dead-lettered", 1);
        LOG.warnf("attribution.events record %d/%d dead-lettered: %s", r.partition(), r.offset(), ex.getMessage());
        rejected.add(deadLetters.send(r, ex.getMessage()));
      }
    }
    Uni<Void> work = in.isEmpty() ? Uni.createFrom().voidItem()
        : clicks.apply(in).onFailure(Failures::isDataError).recoverWithUni(f -> oneByOne(in, records))
            .invoke(a -> {
              count("applied", a.stored());
              count("unknown-code", a.unknownCode());
            }).replaceWithVoid();
    for (Uni<Void> dlq : rejected) {
      work = work.chain(() -> dlq);
    }
    return work.onFailure().invoke(f -> LOG.warnf("attribution.events batch of %d not stored yet, retrying: %s", batch.count(), f.getMessage()))
        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
  }

  private Uni<ClickService.Applied> oneByOne(List<ClickIn> in, Map<ClickIn, ConsumerRecord<String, String>> records) {
    return Multi.createFrom().iterable(in).onItem().transformToUniAndConcatenate(c -> clicks.apply(List.of(c))
        .onFailure(Failures::isDataError).recoverWithUni(error -> {
          ConsumerRecord<String, String> r = records.get(c);
          count("dead-lettered", 1);
          return deadLetters.send(r, "attribution-service cannot store it: " + error.getMessage()).replaceWith(new ClickService.Applied(0, 0));
        })).collect().asList()
        .map(all -> new ClickService.Applied(all.stream().mapToInt(ClickService.Applied::stored).sum(),
            all.stream().mapToInt(ClickService.Applied::unknownCode).sum()));
  }

  private static java.time.Instant at(java.time.Instant at) {
    if (at == null) {
      throw new EventRejectedException("a click without its time");
    }
    return at;
  }

  private static UUID uuid(String s) {
    if (s == null || s.length() != 36) {
      throw new EventRejectedException("not a click or code id: " + s);
    }
    return UUID.fromString(s);
  }

  private void count(String outcome, int n) {
    if (n > 0) {
      registry.counter("events.consumed", "consumer", Channels.ATTRIBUTION_EVENTS_IN, "event_type", "attribution.click", "outcome", outcome)
          .increment(n);
    }
  }
}
