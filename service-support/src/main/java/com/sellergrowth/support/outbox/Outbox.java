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

  /** Serializes (and validates) an event into an outbox row keyed by {@code key} (the aggregate id). */
  public static Row row(String key, Record event, Instant occurredAt) {
    EventType<?> type = EventCatalog.of(event.getClass());
    return new Row(TimeOrderedIds.next(), type.topic(), key, type.type(), type.version(), EventSerde.serialize(event), traceparent(),
        OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
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
