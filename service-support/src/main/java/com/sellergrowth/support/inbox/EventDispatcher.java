package com.sellergrowth.support.inbox;

import com.sellergrowth.events.EventCatalog;
import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Routes incoming Kafka messages to typed handlers by CloudEvents (type, version) (STYLE 6):
 * <ul>
 *   <li>missing or unparsable CloudEvents headers, or a known type whose payload breaks its schema: nack, so the
 *       channel's dead-letter strategy sends it to {@code <topic>.dlq} with the reason in its headers;</li>
 *   <li>a type the contract does not know (a newer producer): ack and count (forward compatibility);</li>
 *   <li>an outage (database or broker down, a deadlock: {@link Failures#isOutage}): retried with back-off until it ends, never
 *       dead-lettered, so a restart of PostgreSQL loses nothing;</li>
 *   <li>a value the database refuses ({@link Failures#isDataError}): dead-lettered at once;</li>
 *   <li>any other handler failure: retried five times with back-off, then dead-lettered.</li>
 * </ul>
 * The ack happens only after the handler's transaction committed. Handlers answer whether they applied the event (false:
 * a duplicate, already in the inbox).
 */
public final class EventDispatcher {
  private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

  private final String consumer;
  private final MeterRegistry registry;
  private final Map<String, Handler<?>> handlers;

  private record Handler<T extends Record>(EventType<T> type, Function<EventEnvelope<T>, Uni<Boolean>> fn) {
    Uni<Boolean> apply(String id, Instant time, String subject, String json) {
      T payload = EventSerde.deserialize(type, json);
      return fn.apply(new EventEnvelope<>(id, type.type(), type.version(), time, subject, payload));
    }
  }

  private EventDispatcher(String consumer, MeterRegistry registry, Map<String, Handler<?>> handlers) {
    this.consumer = consumer;
    this.registry = registry;
    this.handlers = Map.copyOf(handlers);
  }

  public static Builder builder(String consumer, MeterRegistry registry) {
    return new Builder(consumer, registry);
  }

  public Uni<Void> dispatch(Message<String> message) {
    Uni<String> outcome;
    String type = "unknown";
    try {
      IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class)
          .orElseThrow(() -> new EventRejectedException("missing CloudEvents headers (ce_id, ce_type, ce_source, ce_specversion)"));
      type = ce.getType();
      int version = versionOf(ce);
      EventType<?> known = EventCatalog.find(ce.getType(), version);
      Handler<?> handler = handlers.get(ce.getType() + "@v" + version);
      if (known == null || handler == null) {
        LOG.debugf("%s ignores %s v%d (%s)", consumer, ce.getType(), version, known == null ? "unknown to the contract" : "not handled");
        outcome = Uni.createFrom().item(known == null ? "unknown" : "ignored");
      } else {
        Instant time = ce.getTimeStamp().map(t -> t.toInstant())
            .orElseThrow(() -> new EventRejectedException("missing ce_time: rules run in event time"));
        String what = ce.getType();
        outcome = handler.apply(ce.getId(), time, ce.getSubject().orElse(null), message.getPayload())
            .onFailure(Failures::isOutage).invoke(f -> LOG.warnf("%s cannot apply a %s event yet, retrying: %s", consumer, what, f.getMessage()))
            .onFailure(Failures::isOutage).retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(10)).indefinitely()
            .onFailure(f -> !(f instanceof EventRejectedException) && !Failures.isDataError(f)).retry()
            .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5)
            .map(applied -> applied ? "applied" : "duplicate");
      }
    } catch (RuntimeException e) {
      outcome = Uni.createFrom().failure(e);
    }
    String eventType = type;
    return outcome.onItemOrFailure().transformToUni((result, failure) -> {
      if (failure == null) {
        count(eventType, result);
        return Uni.createFrom().completionStage(message.ack());
      }
      count(eventType, "dead-lettered");
      LOG.warnf("%s dead-letters a %s event: %s", consumer, eventType, failure.getMessage());
      return Uni.createFrom().completionStage(message.nack(failure));
    });
  }

  private void count(String eventType, String outcome) {
    registry.counter("events.consumed", "consumer", consumer, "event_type", eventType, "outcome", outcome).increment();
  }

  private static int versionOf(IncomingCloudEventMetadata<?> ce) {
    Object v = ce.getExtension("eventversion").orElse(null);
    return EventVersions.parse(v == null ? null : v.toString(), ce.getDataSchema().map(Object::toString).orElse(null));
  }

  /** Declares the handlers of one consumer. */
  public static final class Builder {
    private final String consumer;
    private final MeterRegistry registry;
    private final Map<String, Handler<?>> handlers = new HashMap<>();

    private Builder(String consumer, MeterRegistry registry) {
      this.consumer = consumer;
      this.registry = registry;
    }

    public <T extends Record> Builder on(EventType<T> type, Function<EventEnvelope<T>, Uni<Boolean>> handler) {
      handlers.put(type.key(), new Handler<>(type, handler));
      return this;
    }

    public EventDispatcher build() {
      return new EventDispatcher(consumer, registry, handlers);
    }
  }
}
