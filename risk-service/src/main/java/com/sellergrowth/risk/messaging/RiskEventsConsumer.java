package com.sellergrowth.risk.messaging;

import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.direct.SupplierKpiMeasuredV1;
import com.sellergrowth.risk.engine.KpiRules;
import com.sellergrowth.risk.engine.RiskEngine;
import com.sellergrowth.support.inbox.DeadLetters;
import com.sellergrowth.support.inbox.EventEnvelope;
import com.sellergrowth.support.inbox.RecordDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every topic the rules read, in batches (SPEC section 8). Records that break the contract are dead-lettered one by one to
 * {@code <topic>.dlq}; the rest go to {@link RiskEngine} in one transaction (a record PostgreSQL refuses is found and
 * dead-lettered too, {@link RiskEngine#applyIsolating}). The batch is acknowledged (offsets committed) only after that
 * transaction; any other failure (PostgreSQL or Kafka down) retries the whole batch, which the inbox makes harmless.
 * Scaling out is Kafka's: instances in the consumer group {@code risk-service} share the partitions.
 */
@ApplicationScoped
public class RiskEventsConsumer {
  private static final Logger LOG = Logger.getLogger(RiskEventsConsumer.class);

  private final RiskEngine engine;
  private final DeadLetters deadLetters;
  private final MeterRegistry registry;
  private final Clock clock;
  private final Duration maxClockSkew;

  public RiskEventsConsumer(RiskEngine engine, @Channel(Channels.DEAD_LETTER_OUT) MutinyEmitter<String> deadLetterEmitter,
      MeterRegistry registry, Clock clock, @ConfigProperty(name = "risk.max-clock-skew") Duration maxClockSkew) {
    this.engine = engine;
    this.deadLetters = new DeadLetters(deadLetterEmitter);
    this.registry = registry;
    this.clock = clock;
    this.maxClockSkew = maxClockSkew;
  }

  /** Decoding and checking each record against its schema is CPU work: done on a worker thread, not the event loop. */
  @Incoming(Channels.RISK_IN)
  public Uni<Void> consume(ConsumerRecords<String, String> batch) {
    return Uni.createFrom().item(batch).emitOn(Infrastructure.getDefaultWorkerPool()).chain(this::apply);
  }

  /** Decodes, dead-letters what breaks the contract, and applies the rest. Public: a test drives a second instance with it. */
  public Uni<Void> apply(Iterable<ConsumerRecord<String, String>> batch) {
    List<RiskEngine.Incoming> events = new ArrayList<>();
    Map<RiskEngine.Incoming, ConsumerRecord<String, String>> records = new IdentityHashMap<>();
    List<Uni<Void>> rejected = new ArrayList<>();
    List<String> refusedForGood = new ArrayList<>();
    int size = 0;
    for (ConsumerRecord<String, String> r : batch) {
      size++;
      try {
        EventEnvelope<? extends Record> e = RecordDecoder.decode(r);
        if (e == null) {
          registry.counter("events.consumed", "consumer", RiskEngine.CONSUMER, "event_type", "unknown", "outcome", "ignored-unknown").increment();
          continue;
        }
        if (e.time().isAfter(clock.instant().plus(maxClockSkew))) {
          // a producer with a clock far ahead would move its partition's stream time on and make every honest event
          // after it "too late" (RSK-8): such an event is refused, not counted; and refused for good (issue 15): recorded as
          // processed, so that a replay after this clock has passed its time refuses it again instead of applying it
          refusedForGood.add(e.id());
          throw new EventRejectedException("event time " + e.time() + " is more than " + maxClockSkew + " ahead of this service's clock");
        }
        if (e.payload() instanceof SupplierKpiMeasuredV1 k) {
          KpiRules.day(k);
        }
        RiskEngine.Incoming in = new RiskEngine.Incoming(r.topic(), r.partition(), r.offset(), e);
        events.add(in);
        records.put(in, r);
      } catch (EventRejectedException | IllegalArgumentException ex) {
        registry.counter("events.consumed", "consumer", RiskEngine.CONSUMER, "event_type", "unknown", "outcome", "dead-lettered").increment();
        LOG.warnf("%s record %d/%d dead-lettered: %s", r.topic(), r.partition(), r.offset(), ex.getMessage());
        rejected.add(deadLetters.send(r, ex.getMessage()));
      }
    }
    int count = size;
    Uni<Void> work = engine.applyIsolating(events, (in, error) -> {
      LOG.warnf("%s record %d/%d dead-lettered: PostgreSQL refuses it: %s", in.topic(), in.partition(), in.offset(), error.getMessage());
      return deadLetters.send(records.get(in), "risk-service cannot store it: " + error.getMessage());
    }).replaceWithVoid();
    for (Uni<Void> dlq : rejected) {
      work = work.chain(() -> dlq);
    }
    if (!refusedForGood.isEmpty()) {
      work = work.chain(() -> engine.markProcessed(refusedForGood));
    }
    return work.onFailure().invoke(f -> LOG.warnf(f, "risk batch of %d not applied yet, retrying", count))
        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
  }
}
