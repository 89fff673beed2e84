package com.sellergrowth.attribution.messaging;

import com.sellergrowth.attribution.domain.ClickIn;
import com.sellergrowth.attribution.service.ClickService;
import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.attribution.ClickAttributedV1;
import com.sellergrowth.events.attribution.ClickRejectedV1;
import com.sellergrowth.support.inbox.BatchIngest;
import com.sellergrowth.support.inbox.DeadLetters;
import com.sellergrowth.support.inbox.EventEnvelope;
import com.sellergrowth.support.inbox.RecordDecoder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code attribution.events}, in batches: the clicks this service's redirect published (ATR-6) become click facts, one
 * transaction per batch (ClickService). Other attribution events are its own lifecycle records and are skipped. A record that
 * breaks the contract is dead-lettered alone; a batch PostgreSQL refuses is stored click by click so the one at fault is
 * dead-lettered alone; an outage is retried until it ends (service-support BatchIngest).
 */
@ApplicationScoped
public class AttributionEventsConsumer {
  private static final int MAX_ID = 128;
  private final BatchIngest<ClickIn> ingest;

  public AttributionEventsConsumer(ClickService clicks, @Channel(Channels.DEAD_LETTER_OUT) MutinyEmitter<String> deadLetterEmitter,
      MeterRegistry registry) {
    Counter unknownCode = registry.counter("attribution.clicks.unknown_code");
    this.ingest = new BatchIngest<>(Channels.ATTRIBUTION_EVENTS_IN, "attribution.click", AttributionEventsConsumer::click,
        batch -> clicks.apply(batch).invoke(applied -> unknownCode.increment(applied.unknownCode())).replaceWithVoid(),
        new DeadLetters(deadLetterEmitter), registry);
  }

  @Incoming(Channels.ATTRIBUTION_EVENTS_IN)
  public Uni<Void> consume(ConsumerRecords<String, String> batch) {
    return ingest.ingest(batch);
  }

  /**
   * Our own topic, written by our outbox from the contract's records: bound without the schema pass per click (CPU); the fields
   * the click facts need are checked here.
   */
  private static ClickIn click(ConsumerRecord<String, String> r) {
    EventEnvelope<? extends Record> e = RecordDecoder.decodeOwn(r);
    if (e != null && e.payload() instanceof ClickAttributedV1 a) {
      if (a.deviceId() == null || a.deviceId().isEmpty() || a.deviceId().length() > MAX_ID) {
        throw new EventRejectedException("a click without a device id of 1 to " + MAX_ID + " characters");
      }
      return new ClickIn(uuid(a.clickId()), uuid(a.codeId()), a.deviceId(), a.ipHash(), a.userAgent(), at(a.occurredAt()), false);
    } else if (e != null && e.payload() instanceof ClickRejectedV1 x) {
      return new ClickIn(uuid(x.clickId()), uuid(x.codeId()), null, null, null, at(x.occurredAt()), true);
    }
    return null;
  }

  private static Instant at(Instant at) {
    if (at == null) {
      throw new EventRejectedException("a click without its time");
    }
    return at;
  }

  private static UUID uuid(String s) {
    if (s == null || s.length() != 36) {
      throw new EventRejectedException("not a click or code id: " + s);
    }
    return UUID.fromString(s);
  }
}
