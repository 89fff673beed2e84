package com.sellergrowth.support.inbox;

import com.sellergrowth.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Dead-letters one record of a batch consumer to {@code <topic>.dlq} with the same headers SmallRye's dead-letter strategy
 * writes ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}), keeping the original headers and
 * key, so operators handle both the same way. Built by the consumer that needs it, over an outgoing channel of its own
 * (the topic is set per record), so services without batch consumers open no producer for it.
 */
public final class DeadLetters {
  private final MutinyEmitter<String> emitter;

  public DeadLetters(MutinyEmitter<String> emitter) {
    this.emitter = emitter;
  }

  public Uni<Void> send(ConsumerRecord<String, String> r, String reason) {
    RecordHeaders headers = new RecordHeaders();
    for (Header h : r.headers()) {
      headers.add(h);
    }
    headers.add("dead-letter-reason", bytes(reason == null ? "unknown" : reason));
    headers.add("dead-letter-topic", bytes(r.topic()));
    headers.add("dead-letter-partition", bytes(Integer.toString(r.partition())));
    headers.add("dead-letter-offset", bytes(Long.toString(r.offset())));
    OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
        .withTopic(Topics.dlq(r.topic())).withKey(r.key()).withHeaders(headers).build();
    return emitter.sendMessage(Message.of(r.value() == null ? "" : r.value(), Metadata.of(kafka)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
