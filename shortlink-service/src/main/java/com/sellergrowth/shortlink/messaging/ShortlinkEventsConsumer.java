package com.sellergrowth.shortlink.messaging;

import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.events.shortlink.LinkCreatedV1;
import com.sellergrowth.events.shortlink.LinkDeletedV1;
import com.sellergrowth.events.shortlink.LinkTargetChangedV1;
import com.sellergrowth.shortlink.persistence.ClickStore;
import com.sellergrowth.shortlink.redirect.LinkResolver;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code shortlink.events}, in batches (SHL-6): clicks become stats rows, one statement per batch, keyed by click id (a
 * redelivery or a replay from offset 0 changes no figure); a link's lifecycle event rewrites its Redis view from PostgreSQL
 * (repairs a lost after-commit write; idempotent). A record that breaks the contract is dead-lettered alone; the batch is
 * acknowledged (after processing) only once its effects are stored; a failed store is retried whole (harmlessly) until
 * the infrastructure is back.
 */
@ApplicationScoped
public class ShortlinkEventsConsumer {
  private static final Logger LOG = Logger.getLogger(ShortlinkEventsConsumer.class);

  private final ClickStore clicks;
  private final LinkResolver resolver;
  private final DeadLetters deadLetters;
  private final MeterRegistry registry;

  public ShortlinkEventsConsumer(ClickStore clicks, LinkResolver resolver,
      @Channel(Channels.DEAD_LETTER_OUT) MutinyEmitter<String> deadLetterEmitter, MeterRegistry registry) {
    this.clicks = clicks;
    this.resolver = resolver;
    this.deadLetters = new DeadLetters(deadLetterEmitter);
    this.registry = registry;
  }

  /** Decoding and validating a batch is CPU work: done on a worker thread so that redirects on the event loops never wait behind it. */
  @Incoming(Channels.SHORTLINK_EVENTS_IN)
  public Uni<Void> consume(ConsumerRecords<String, String> batch) {
    return Uni.createFrom().item(batch).emitOn(Infrastructure.getDefaultWorkerPool()).chain(this::apply);
  }

  private Uni<Void> apply(ConsumerRecords<String, String> batch) {
    List<LinkClickedV1> clicked = new ArrayList<>();
    Map<LinkClickedV1, ConsumerRecord<String, String>> records = new IdentityHashMap<>();
    Set<String> changedLinks = new LinkedHashSet<>();
    List<Uni<Void>> rejected = new ArrayList<>();
    for (ConsumerRecord<String, String> r : batch) {
      try {
        EventEnvelope<? extends Record> e = RecordDecoder.decode(r);
        if (e == null) {
          count("unknown", "unknown");
        } else if (e.payload() instanceof LinkClickedV1 c) {
          UUID.fromString(c.clickId()); // the stats key: a click id that is not a UUID is dead-lettered, not retried forever
          clicked.add(c);
          records.put(c, r);
        } else if (e.payload() instanceof LinkCreatedV1 l) {
          changed(changedLinks, e, l.code());
        } else if (e.payload() instanceof LinkTargetChangedV1 l) {
          changed(changedLinks, e, l.code());
        } else if (e.payload() instanceof LinkDeletedV1 l) {
          changed(changedLinks, e, l.code());
        }
      } catch (EventRejectedException | IllegalArgumentException ex) {
        count("unknown", "dead-lettered");
        LOG.warnf("shortlink.events record %d/%d dead-lettered: %s", r.partition(), r.offset(), ex.getMessage());
        rejected.add(deadLetters.send(r, ex.getMessage()));
      }
    }
    java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    Uni<Void> work = clicks.insert(clicked).onFailure(Failures::isDataError).recoverWithUni(f -> oneByOne(clicked, records, refused))
        .invoke(inserted -> {
          count(LinkClickedV1.TYPE.type(), "applied", inserted);
          count(LinkClickedV1.TYPE.type(), "duplicate", clicked.size() - inserted - refused.getAndSet(0));
        }).replaceWithVoid();
    for (String code : changedLinks) {
      work = work.chain(() -> Uni.createFrom().completionStage(() -> resolver.refresh(code)).replaceWithVoid());
    }
    for (Uni<Void> dlq : rejected) {
      work = work.chain(() -> dlq);
    }
    // what is left to fail is infrastructure (PostgreSQL, Redis, Kafka briefly down): retry until it is back, never skip
    return work.onFailure().invoke(f -> LOG.warnf("shortlink.events batch of %d not stored yet, retrying: %s", batch.count(),
        f.getMessage())).onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
  }

  /**
   * A click PostgreSQL refuses (a NUL in a header value, say) fails its whole batch the same way on every retry: the batch is
   * stored click by click instead, and the one that fails alone is dead-lettered, so the stats never stall behind it.
   */
  private Uni<Integer> oneByOne(List<LinkClickedV1> clicked, Map<LinkClickedV1, ConsumerRecord<String, String>> records,
      java.util.concurrent.atomic.AtomicInteger refused) {
    return Multi.createFrom().iterable(clicked).onItem().transformToUniAndConcatenate(c -> clicks.insert(List.of(c))
        .onFailure(Failures::isDataError).recoverWithUni(error -> {
          ConsumerRecord<String, String> r = records.get(c);
          count(LinkClickedV1.TYPE.type(), "dead-lettered");
          refused.incrementAndGet();
          LOG.warnf("shortlink.events record %d/%d dead-lettered: PostgreSQL refuses it: %s", r.partition(), r.offset(), error.getMessage());
          return deadLetters.send(r, "shortlink-service cannot store it: " + error.getMessage()).replaceWith(0);
        })).collect().asList().map(inserted -> inserted.stream().mapToInt(Integer::intValue).sum());
  }

  /** A link changed: its Redis view is rewritten from PostgreSQL (the code comes from the payload, not the record key). */
  private void changed(Set<String> codes, EventEnvelope<? extends Record> e, String code) {
    codes.add(code);
    count(e.type(), "applied");
  }

  private void count(String type, String outcome) {
    count(type, outcome, 1);
  }

  private void count(String type, String outcome, int n) {
    if (n > 0) {
      registry.counter("events.consumed", "consumer", Channels.SHORTLINK_EVENTS_IN, "event_type", type, "outcome", outcome).increment(n);
    }
  }
}
