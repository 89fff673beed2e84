package com.sellergrowth.support.inbox;

import com.sellergrowth.events.EventRejectedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * The skeleton of a batch consumer, written once: decode each record (on a worker thread, off the event loops), dead-letter
 * the ones that break the contract alone, apply the rest together; when the database refuses a value of the batch
 * ({@link Failures#isDataError}), apply the items one by one so that only the item at fault is dead-lettered; retry anything
 * else (an outage) until it ends. The batch is acknowledged only once applied. Counted as {@code events.consumed} with the
 * consumer (channel), the event type and the outcome.
 *
 * @param <T> an item as the service applies it
 */
public final class BatchIngest<T> {
  private static final Logger LOG = Logger.getLogger(BatchIngest.class);

  /** Turns a record into an item: null to skip it (a type this consumer does not apply); throws to dead-letter it. */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode(ConsumerRecord<String, String> record);
  }

  private final String channel;
  private final String eventType;
  private final Decoder<T> decoder;
  private final Function<List<T>, Uni<Void>> apply;
  private final DeadLetters deadLetters;
  private final MeterRegistry registry;

  public BatchIngest(String channel, String eventType, Decoder<T> decoder, Function<List<T>, Uni<Void>> apply, DeadLetters deadLetters,
      MeterRegistry registry) {
    this.channel = channel;
    this.eventType = eventType;
    this.decoder = decoder;
    this.apply = apply;
    this.deadLetters = deadLetters;
    this.registry = registry;
  }

  public Uni<Void> ingest(ConsumerRecords<String, String> batch) {
    return Uni.createFrom().item(batch).emitOn(Infrastructure.getDefaultWorkerPool()).chain(this::apply);
  }

  private Uni<Void> apply(ConsumerRecords<String, String> batch) {
    List<T> items = new ArrayList<>();
    Map<T, ConsumerRecord<String, String>> records = new IdentityHashMap<>();
    List<Uni<Void>> rejected = new ArrayList<>();
    for (ConsumerRecord<String, String> r : batch) {
      try {
        T item = decoder.decode(r);
        if (item != null) {
          items.add(item);
          records.put(item, r);
        }
      } catch (EventRejectedException | IllegalArgumentException e) {
        count("dead-lettered", 1);
        LOG.warnf("%s record %d/%d dead-lettered: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
        rejected.add(deadLetters.send(r, e.getMessage()));
      }
    }
    Uni<Void> work = items.isEmpty() ? Uni.createFrom().voidItem()
        : apply.apply(items).onFailure(Failures::isDataError).recoverWithUni(f -> oneByOne(items, records))
            .invoke(() -> count("applied", items.size()));
    for (Uni<Void> dlq : rejected) {
      work = work.chain(() -> dlq);
    }
    return work.onFailure().invoke(f -> LOG.warnf("%s batch of %d not applied yet, retrying: %s", channel, batch.count(), f.getMessage()))
        .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
  }

  private Uni<Void> oneByOne(List<T> items, Map<T, ConsumerRecord<String, String>> records) {
    return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> apply.apply(List.of(item))
        .onFailure(Failures::isDataError).recoverWithUni(error -> {
          ConsumerRecord<String, String> r = records.get(item);
          count("dead-lettered", 1);
          LOG.warnf("%s record %d/%d dead-lettered: the database refuses it: %s", r.topic(), r.partition(), r.offset(), error.getMessage());
          return deadLetters.send(r, channel + " cannot store it: " + error.getMessage());
        })).collect().last().replaceWithVoid();
  }

  private void count(String outcome, int n) {
    if (n > 0) {
      registry.counter("events.consumed", "consumer", channel, "event_type", eventType, "outcome", outcome).increment(n);
    }
  }
}
