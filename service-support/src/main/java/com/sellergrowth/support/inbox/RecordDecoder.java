package com.sellergrowth.support.inbox;

import com.sellergrowth.events.EventCatalog;
import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Decodes one Kafka record of a batch consumer (binary CloudEvents headers plus JSON payload) the way {@link EventDispatcher}
 * does for single messages: missing or broken headers, or a payload that breaks its schema, throw
 * {@link EventRejectedException} (dead-letter it); a type the contract does not know answers null (ack and skip).
 */
public final class RecordDecoder {

  private RecordDecoder() {
  }

  public static EventEnvelope<? extends Record> decode(ConsumerRecord<String, String> r) {
    return decode(r, true);
  }

  /**
   * As {@link #decode(ConsumerRecord)} for a service reading its own topic, which its outbox wrote from the contract's records:
   * the payload is bound without the JSON Schema pass (a hot path's CPU), the headers are checked the same way.
   */
  public static EventEnvelope<? extends Record> decodeOwn(ConsumerRecord<String, String> r) {
    return decode(r, false);
  }

  private static EventEnvelope<? extends Record> decode(ConsumerRecord<String, String> r, boolean validate) {
    String id = header(r, "ce_id");
    String type = header(r, "ce_type");
    if (id == null || type == null || header(r, "ce_specversion") == null || header(r, "ce_source") == null) {
      throw new EventRejectedException("missing CloudEvents headers (ce_id, ce_type, ce_source, ce_specversion)");
    }
    int v = EventVersions.parse(header(r, "ce_eventversion"), header(r, "ce_dataschema"));
    EventType<?> known = EventCatalog.find(type, v);
    if (known == null) {
      return null;
    }
    String time = header(r, "ce_time");
    if (time == null) {
      throw new EventRejectedException("missing ce_time: rules run in event time");
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      throw new EventRejectedException("unparsable ce_time '" + time + "'");
    }
    if (r.value() == null) {
      throw new EventRejectedException("empty payload");
    }
    return envelope(known, id, at, header(r, "ce_subject"), r.value(), validate);
  }

  private static <T extends Record> EventEnvelope<T> envelope(EventType<T> type, String id, Instant at, String subject, String json,
      boolean validate) {
    return new EventEnvelope<>(id, type.type(), type.version(), at, subject,
        validate ? EventSerde.deserialize(type, json) : EventSerde.deserializeUnchecked(type, json));
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
