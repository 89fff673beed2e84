package com.sellergrowth.attribution.redirect;

import com.sellergrowth.events.EventCatalog;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.EventType;
import com.sellergrowth.support.batch.Batcher;
import com.sellergrowth.support.inbox.Failures;
import com.sellergrowth.support.outbox.Outbox;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Records a click before the visitor is sent on (ATR-6, ATR-9): the click is an outbox row, written with group commit (ADR 7):
 * the clicks that arrive while a batch is in flight go out as one {@code INSERT ... unnest}, one round trip and one commit.
 * The CloudEvents id is the click id, so the click is published once and counted once whatever the retries.
 */
@ApplicationScoped
public class ClickRecorder {
  private static final int MAX_BATCH = 500;
  private static final String INSERT = "INSERT INTO outbox_event(event_id, topic, msg_key, type, version, subject, payload, traceparent, "
      + "occurred_at) SELECT id, topic, k, type, v, k, payload, tp, at FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], "
      + "$6::text[], $7::text[], $8::timestamptz[]) AS t(id, topic, k, type, v, payload, tp, at)";

  private final Pool pool;
  private final Batcher<Outbox.Row, Boolean> batcher;

  public ClickRecorder(Pool pool, MeterRegistry registry) {
    this.pool = pool;
    DistributionSummary sizes = DistributionSummary.builder("attribution.clicks.batch.size").baseUnit("clicks").register(registry);
    this.batcher = new Batcher<>(MAX_BATCH, 1, Failures::isDataError, this::insert, sizes::record);
  }

  /** Writes the click's outbox row; completes once it is committed. */
  public Uni<Boolean> record(UUID clickId, String codeId, Record click, Instant at) {
    EventType<?> type = EventCatalog.of(click.getClass());
    // Schema-checked by the contract tests; the hot path skips the per-event JSON Schema pass (serializeUnchecked).
    return batcher.submit(new Outbox.Row(clickId, type.topic(), codeId, type.type(), type.version(), EventSerde.serializeUnchecked(click),
        null, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)));
  }

  private Uni<List<Boolean>> insert(List<Outbox.Row> rows) {
    Outbox.Columns columns = new Outbox.Columns(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      columns.set(i, rows.get(i));
    }
    return pool.preparedQuery(INSERT).execute(Tuple.from(columns.values())).map(r -> Collections.nCopies(rows.size(), Boolean.TRUE));
  }
}
