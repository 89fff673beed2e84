package com.sellergrowth.support.outbox;

import com.sellergrowth.events.EventCatalog;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.EventType;
import com.sellergrowth.support.ids.TimeOrderedIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the transactional outbox (STYLE 5). Must be called inside the service's {@code @WithTransaction}: the
 * row commits or rolls back with the state change, so no event is lost and none is published for a rolled-back change.
 */
@ApplicationScoped
public class Outbox {

  /** Columns of an outbox row, in the order of {@link Row#values()}. */
  public static final String COLUMNS = "event_id, topic, msg_key, type, version, subject, payload, traceparent, occurred_at";

  /** An outbox row ready to insert, for hot paths that write it in the same SQL statement as their state change. */
  public record Row(UUID eventId, String topic, String key, String type, int version, String payload, String traceparent,
      OffsetDateTime occurredAt) {
    /** The values of {@link #COLUMNS}. */
    public Object[] values() {
      return new Object[] {eventId, topic, key, type, version, key, payload, traceparent, occurredAt};
    }
  }

  /**
   * Outbox rows of a batch as one array per column, for hot paths that write many rows with one
   * {@code INSERT ... SELECT FROM unnest(...)}: in {@link #COLUMNS} order less the subject (the key again).
   */
  public static final class Columns {
    private final UUID[] ids;
    private final String[] topics;
    private final String[] keys;
    private final String[] types;
    private final Integer[] versions;
    private final String[] payloads;
    private final String[] traceparents;
    private final OffsetDateTime[] occurredAt;

    public Columns(int n) {
      ids = new UUID[n];
      topics = new String[n];
      keys = new String[n];
      types = new String[n];
      versions = new Integer[n];
      payloads = new String[n];
      traceparents = new String[n];
      occurredAt = new OffsetDateTime[n];
    }

    public void set(int i, Row e) {
      ids[i] = e.eventId();
      topics[i] = e.topic();
      keys[i] = e.key();
      types[i] = e.type();
      versions[i] = e.version();
      payloads[i] = e.payload();
      traceparents[i] = e.traceparent();
      occurredAt[i] = e.occurredAt();
    }

    /** The arrays, for {@code unnest($n::uuid[], text[], text[], text[], int[], text[], text[], timestamptz[])}. */
    public List<Object> values() {
      return List.of(ids, topics, keys, types, versions, payloads, traceparents, occurredAt);
    }
  }

  /** Serializes (and validates) an event into an outbox row keyed by {@code key} (the aggregate id). */
  public static Row row(String key, Record event, Instant occurredAt) {
    EventType<?> type = EventCatalog.of(event.getClass());
    return new Row(TimeOrderedIds.next(), type.topic(), key, type.type(), type.version(), EventSerde.serialize(event), traceparent(),
        OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
  }

  /**
   * An outbox row for a hot path that writes many: serialized without the per-event JSON Schema pass (the contract tests pin
   * every record to its schema) and without a trace parent (a batch has many causes); {@code eventId} is its CloudEvents id.
   */
  public static Row uncheckedRow(UUID eventId, String key, Record event, Instant occurredAt) {
    EventType<?> type = EventCatalog.of(event.getClass());
    return new Row(eventId, type.topic(), key, type.type(), type.version(), EventSerde.serializeUnchecked(event), null,
        OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
  }

  /** Rows as one {@code INSERT ... SELECT FROM unnest(...)} (ADR 7), in {@link Columns} order. */
  public static final String INSERT_ALL = "INSERT INTO outbox_event(" + COLUMNS + ") SELECT id, topic, k, type, v, k, payload, tp, at "
      + "FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::timestamptz[]) "
      + "AS t(id, topic, k, type, v, payload, tp, at)";

  /**
   * Appends rows in one statement on a reactive SQL client (the caller's transaction, or alone: one statement is atomic), for
   * services that write with the Vert.x client rather than a Hibernate session.
   */
  public static Uni<Void> insertAll(io.vertx.mutiny.sqlclient.SqlClient sql, List<Row> rows) {
    if (rows.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Columns columns = new Columns(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      columns.set(i, rows.get(i));
    }
    return sql.preparedQuery(INSERT_ALL).execute(io.vertx.mutiny.sqlclient.Tuple.from(columns.values())).replaceWithVoid();
  }

  /** Appends {@code event} keyed by {@code key} (the aggregate id) in the current transaction; returns its CloudEvents id. */
  public Uni<UUID> append(String key, Record event, Instant occurredAt) {
    Row row = row(key, event, occurredAt);
    Object[] values = row.values();
    return Panache.getSession().chain(session -> {
      var query = session.createNativeQuery("INSERT INTO outbox_event(" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
      for (int i = 0; i < values.length; i++) {
        query.setParameter(i + 1, values[i]);
      }
      return query.executeUpdate();
    }).replaceWith(row.eventId());
  }

  private static String traceparent() {
    SpanContext ctx = Span.current().getSpanContext();
    if (!ctx.isValid()) {
      return null;
    }
    return "00-" + ctx.getTraceId() + "-" + ctx.getSpanId() + "-" + ctx.getTraceFlags().asHex();
  }
}
