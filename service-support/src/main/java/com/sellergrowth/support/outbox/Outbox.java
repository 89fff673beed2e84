package com.sellergrowth.support.outbox;

import com.sellergrowth.events.EventCatalog;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.EventType;
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

  /** Appends {@code event} keyed by {@code key} (the aggregate id); returns the CloudEvents id it will carry. */
  public Uni<UUID> append(String key, Record event, Instant occurredAt) {
    EventType<?> type = EventCatalog.of(event.getClass());
    UUID eventId = UUID.randomUUID();
    String payload = EventSerde.serialize(event);
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "INSERT INTO outbox_event(event_id, topic, msg_key, type, version, subject, payload, traceparent, occurred_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, eventId)
        .setParameter(2, type.topic())
        .setParameter(3, key)
        .setParameter(4, type.type())
        .setParameter(5, type.version())
        .setParameter(6, key)
        .setParameter(7, payload)
        .setParameter(8, traceparent())
        .setParameter(9, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
        .executeUpdate())
        .replaceWith(eventId);
  }

  private static String traceparent() {
    SpanContext ctx = Span.current().getSpanContext();
    if (!ctx.isValid()) {
      return null;
    }
    return "00-" + ctx.getTraceId() + "-" + ctx.getSpanId() + "-" + ctx.getTraceFlags().asHex();
  }
}
