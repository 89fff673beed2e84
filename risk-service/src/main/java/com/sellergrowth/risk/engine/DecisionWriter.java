package com.sellergrowth.risk.engine;

import com.sellergrowth.events.EventCatalog;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.EventType;
import com.sellergrowth.risk.domain.Decision;
import com.sellergrowth.risk.domain.DecisionStatus;
import com.sellergrowth.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

/**
 * Records decisions (RSK-7) and, for enforced ones, their event in the transactional outbox, in the caller's transaction.
 * The decision's id is also the event's CloudEvents id: the services' inboxes dedupe on it.
 */
@ApplicationScoped
public class DecisionWriter {
  private static final String INSERT = "INSERT INTO decision(id, rule, action, subject_type, subject_id, seller_id, status, reason, "
      + "evidence, thresholds, window_from, window_to, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
      + "ON CONFLICT DO NOTHING RETURNING id";
  private static final String OUTBOX = "INSERT INTO outbox_event(" + Outbox.COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

  private final MeterRegistry registry;

  public DecisionWriter(MeterRegistry registry) {
    this.registry = registry;
  }

  /** True when the decision is new; false when it exists already or an open decision of its kind holds the subject. */
  public Uni<Boolean> record(SqlClient sql, Decision d) {
    Tuple t = Tuple.tuple().addUUID(d.id()).addString(d.rule()).addString(d.action().name()).addString(d.subjectType().name())
        .addString(d.subjectId()).addString(d.sellerId()).addString(d.status().name()).addString(d.reason())
        .addValue(new JsonObject(new HashMap<>(d.evidence()))).addValue(new JsonObject(new HashMap<>(d.thresholds())))
        .addValue(d.windowFrom() == null ? null : Sql.ts(d.windowFrom())).addValue(d.windowTo() == null ? null : Sql.ts(d.windowTo()))
        .addValue(Sql.ts(d.decidedAt()));
    return sql.preparedQuery(INSERT).execute(t).chain(rows -> {
      if (rows.size() == 0) {
        return Uni.createFrom().item(false);
      }
      registry.counter("risk.decisions", "rule", d.rule(), "reason", d.reason(), "status", d.status().name()).increment();
      if (d.status() != DecisionStatus.ACTIVE) {
        return Uni.createFrom().item(true);
      }
      return publish(sql, d.id(), d.subjectId(), d.event(), d.decidedAt()).replaceWith(true);
    });
  }

  /** Appends an event to the outbox with a given CloudEvents id (decisions, resumes and releases have derived ids). */
  public Uni<Void> publish(SqlClient sql, UUID eventId, String key, Record event, Instant at) {
    EventType<?> type = EventCatalog.of(event.getClass());
    Outbox.Row row = new Outbox.Row(eventId, type.topic(), key, type.type(), type.version(), EventSerde.serialize(event), null, Sql.ts(at));
    return sql.preparedQuery(OUTBOX).execute(Tuple.from(java.util.Arrays.asList(row.values()))).replaceWithVoid();
  }
}
