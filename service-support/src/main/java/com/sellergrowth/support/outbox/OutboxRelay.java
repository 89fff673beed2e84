package com.sellergrowth.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, in id order, as CloudEvents in binary mode (id, type, source, time, subject
 * and {@code dataschema} in headers, the payload as JSON), keyed by aggregate id. One relay publishes at a time, whatever
 * the number of instances: a batch's transaction first takes a transaction-scoped advisory lock ({@link #LOCK}) and an
 * instance that does not get it publishes nothing this tick. With {@code SKIP LOCKED} batches shared between instances, an
 * instance could publish a coupon's {@code resumed} while another still held its {@code paused}, and a failed batch was
 * re-sent after later rows: events of one key reached consumers out of order (issue 15, ADR 12). A batch is sent, and
 * deleted only once Kafka acknowledged every record; if Kafka is down the transaction rolls back and the rows wait for the
 * next tick. Delivery is at least once: consumers dedupe by the CloudEvents id.
 *
 * <p>The outbox is a queue table: its head is a long run of deleted rows until vacuum reclaims them. So that a busy relay
 * does not walk them on every tick, a batch starts after the last id it published and only every
 * {@code outbox.relay.full-scan-every} from the first row, which picks up a row that committed after rows with higher ids
 * (late by at most that interval, never lost). The scan always follows the primary key: with a bloated heap and few live
 * rows the planner would otherwise read the whole table to sort a handful of rows (seen at 20 ticks a second, ADR 7).
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final String SELECT = "SELECT id, event_id, topic, msg_key, type, version, subject, payload, traceparent, occurred_at "
      + "FROM outbox_event WHERE id > $1 ORDER BY id LIMIT $2";
  /** The relay's advisory lock of its database (each service owns its database): one relay publishes at a time. */
  public static final String LOCK = "SELECT pg_try_advisory_xact_lock(7104952641)";

  private final Pool pool;
  private final MutinyEmitter<String> emitter;
  private final Vertx vertx;
  private final URI source;
  private final int batchSize;
  private final Duration interval;
  private final long fullScanEveryNanos;
  private final boolean enabled;
  private final Counter published;
  private final Counter failures;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();
  /**
   * The highest id the ticks published, and when they last started from the first row: only a tick touches them, and
   * {@code running} orders one tick's writes before the next tick's reads.
   */
  private long after;
  private long lastFullScan = System.nanoTime();
  private boolean fullScanDue = true;

  public OutboxRelay(Pool pool, @Channel("outbox-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
      MutinyEmitter<String> emitter, Vertx vertx, MeterRegistry registry,
      @ConfigProperty(name = "quarkus.application.name") String applicationName,
      @ConfigProperty(name = "outbox.relay.batch-size", defaultValue = "500") int batchSize,
      @ConfigProperty(name = "outbox.relay.interval", defaultValue = "PT0.05S") Duration interval,
      @ConfigProperty(name = "outbox.relay.full-scan-every", defaultValue = "PT1S") Duration fullScanEvery,
      @ConfigProperty(name = "outbox.relay.enabled", defaultValue = "true") boolean enabled) {
    this.pool = pool;
    this.emitter = emitter;
    this.vertx = vertx;
    this.source = URI.create("urn:sellergrowth:" + applicationName);
    this.batchSize = batchSize;
    this.interval = interval;
    this.fullScanEveryNanos = fullScanEvery.toNanos();
    this.enabled = enabled;
    this.published = registry.counter("outbox.relay.published");
    this.failures = registry.counter("outbox.relay.failures");
  }

  void start(@Observes StartupEvent event) {
    if (enabled) {
      schedule();
    }
  }

  void stop(@Observes ShutdownEvent event) {
    stopped.set(true);
  }

  private void schedule() {
    if (!stopped.get()) {
      vertx.setTimer(interval.toMillis(), id -> tick());
    }
  }

  private void tick() {
    if (!running.compareAndSet(false, true)) {
      schedule();
      return;
    }
    long now = System.nanoTime();
    long from = fullScanDue || now - lastFullScan >= fullScanEveryNanos ? 0 : after;
    if (from == 0) {
      lastFullScan = now;
      fullScanDue = false;
    }
    publishBatch(from).subscribe().with(published -> {
      after = Math.max(after, published.lastId()); // before running is cleared: the next tick may run on another thread
      running.set(false);
      if (published.count() == batchSize) {
        tick(); // more waiting: go on at once
      } else {
        schedule();
      }
    }, failure -> {
      fullScanDue = true; // start from the first row next time
      running.set(false);
      failures.increment();
      LOG.warnf("outbox relay batch failed, rows stay in the outbox and are retried: %s", failure.getMessage());
      schedule();
    });
  }

  /** How many rows a batch published, and the highest id among them (0 if none). */
  private record Published(int count, long lastId) {
  }

  /** Publishes one batch of committed rows, from the first; returns how many were published. Public for tests and tooling. */
  public Uni<Integer> publishBatch() {
    return publishBatch(0).map(Published::count);
  }

  private Uni<Published> publishBatch(long afterId) {
    return pool.withTransaction(conn -> conn.query(LOCK).execute().chain(locked -> {
      if (!locked.iterator().next().getBoolean(0)) {
        return Uni.createFrom().item(new Published(0, 0)); // another instance's relay is publishing: its turn
      }
      return conn.query("SET LOCAL enable_seqscan = off").execute()
        .chain(() -> conn.preparedQuery(SELECT).execute(Tuple.of(afterId, batchSize))).chain(rows -> {
          List<OutboxEvent> batch = new ArrayList<>();
          for (Row r : rows) {
            batch.add(new OutboxEvent(r.getLong("id"), r.getUUID("event_id"), r.getString("topic"), r.getString("msg_key"),
                r.getString("type"), r.getInteger("version"), r.getString("subject"), r.getString("payload"), r.getString("traceparent"),
                r.getOffsetDateTime("occurred_at").toInstant()));
          }
          if (batch.isEmpty()) {
            return Uni.createFrom().item(new Published(0, 0));
          }
          List<Uni<Void>> sends = batch.stream().map(this::send).toList();
          Long[] ids = batch.stream().map(OutboxEvent::id).toArray(Long[]::new);
          return Uni.join().all(sends).andFailFast()
              .chain(() -> conn.preparedQuery("DELETE FROM outbox_event WHERE id = ANY($1)").execute(Tuple.of(ids)))
              .invoke(() -> published.increment(batch.size()))
              .replaceWith(new Published(batch.size(), ids[ids.length - 1]));
        });
    }));
  }

  private Uni<Void> send(OutboxEvent e) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_eventversion", Integer.toString(e.version()).getBytes(StandardCharsets.UTF_8));
    if (e.traceparent() != null) {
      headers.add("traceparent", e.traceparent().getBytes(StandardCharsets.UTF_8));
    }
    OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
        .withTopic(e.topic()).withKey(e.key()).withHeaders(headers).build();
    OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
        .withId(e.eventId().toString())
        .withType(e.type())
        .withSource(source)
        .withSubject(e.subject())
        .withDataSchema(URI.create("urn:sellergrowth:schema:" + e.type() + ":v" + e.version()))
        .withDataContentType("application/json")
        .withTimestamp(e.occurredAt().atZone(ZoneOffset.UTC))
        .build();
    return emitter.sendMessage(Message.of(e.payload(), Metadata.of(kafka, ce)));
  }
}
