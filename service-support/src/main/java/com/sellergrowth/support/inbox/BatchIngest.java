package com.sellergrowth.support.inbox;

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
 * The skeleton of a batch consumer, written once, with an explicit answer for every kind of failure (as EventDispatcher has for
 * single messages):
 * <ul>
 *   <li>a record that cannot be decoded (whatever the exception): dead-lettered alone, the others go on;</li>
 *   <li>an outage ({@link Failures#isOutage}): the batch is retried until it ends, never dead-lettered;</li>
 *   <li>any other failure of the batch (a value the database refuses, a bug in one item): retried a few times, then the
 *       items are applied one by one, and an item that still fails (at once for a refused value, after a few tries for
 *       anything else) is dead-lettered alone, so no partition stalls behind it.</li>
 * </ul>
 * Decoding runs on a worker thread, off the event loops. The batch completes (and is acknowledged) only once every item is
 * applied or dead-lettered. Counted as {@code events.consumed} with the consumer (channel), the event type and the outcome.
 *
 * @param <T> an item as the service applies it
 */
public final class BatchIngest<T> {
  private static final Logger LOG = Logger.getLogger(BatchIngest.class);
  private static final int TRIES = 3;

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
    List<ConsumerRecord<String, String>> rejected = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (ConsumerRecord<String, String> r : batch) {
      try {
        T item = decoder.decode(r);
        if (item != null) {
          items.add(item);
          records.put(item, r);
        }
      } catch (RuntimeException e) {
        rejected.add(r);
        reasons.add(reason(e));
      }
    }
    Uni<Void> work = items.isEmpty() ? Uni.createFrom().voidItem()
        : retried(apply.apply(items), batch.count())
            .onFailure(f -> !Failures.isDataError(f)).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(TRIES)
            .invoke(() -> count("applied", items.size()))
            .onFailure().recoverWithUni(f -> oneByOne(items, records));
    return work.chain(() -> {
      Uni<Void> dlq = Uni.createFrom().voidItem();
      for (int i = 0; i < rejected.size(); i++) {
        ConsumerRecord<String, String> r = rejected.get(i);
        String reason = reasons.get(i);
        dlq = dlq.chain(() -> deadLetter(r, reason));
      }
      return dlq;
    });
  }

  /** An outage is retried until it ends (nothing is lost while PostgreSQL or the broker restarts). */
  private Uni<Void> retried(Uni<Void> work, int size) {
    return work.onFailure(Failures::isOutage).invoke(f -> LOG.warnf("%s batch of %d not applied yet, retrying: %s", channel, size, f.getMessage()))
        .onFailure(Failures::isOutage).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
  }

  private Uni<Void> oneByOne(List<T> items, Map<T, ConsumerRecord<String, String>> records) {
    return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> retried(apply.apply(List.of(item)), 1)
        .onFailure(f -> !Failures.isDataError(f)).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(TRIES)
        .invoke(() -> count("applied", 1))
        .onFailure().recoverWithUni(error -> deadLetter(records.get(item), channel + " cannot apply it: " + reason(error))))
        .collect().last().replaceWithVoid();
  }

  /** Dead-letters one record (retrying while the broker is out); a record the dead-letter topic refuses too is logged, not retried. */
  private Uni<Void> deadLetter(ConsumerRecord<String, String> r, String reason) {
    count("dead-lettered", 1);
    LOG.warnf("%s record %d/%d dead-lettered: %s", r.topic(), r.partition(), r.offset(), reason);
    return deadLetters.send(r, reason)
        .onFailure(Failures::isOutage).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
        .onFailure().recoverWithItem(f -> {
          LOG.errorf(f, "%s record %d/%d could not be dead-lettered either; skipped", r.topic(), r.partition(), r.offset());
          count("lost", 1);
          return null;
        });
  }

  private static String reason(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private void count(String outcome, int n) {
    if (n > 0) {
      registry.counter("events.consumed", "consumer", channel, "event_type", eventType, "outcome", outcome).increment(n);
    }
  }
}
