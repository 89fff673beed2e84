package com.sellergrowth.testsupport;

import com.sellergrowth.events.EventCatalog;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real broker, as other platform services use it: publishes contract events as binary CloudEvents and reads topics from
 * "now" on. Bounded waits only.
 */
public final class Kafka {
  public static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
  private static final KafkaProducer<String, String> PRODUCER = producer();

  /** Publishes an event of the contract with a fresh CloudEvents id, event time {@code time}; returns the id. */
  public static String publish(String key, Record event, Instant time) {
    String id = UUID.randomUUID().toString();
    publishWithId(id, key, event, time);
    return id;
  }

  public static void publishWithId(String id, String key, Record event, Instant time) {
    publishToPartitionWithId(id, null, key, event, time);
  }

  /** Publishes to one partition (null: by key), e.g. to put a marker behind everything already in it. */
  public static void publishToPartitionWithId(String id, Integer partition, String key, Record event, Instant time) {
    EventType<?> type = EventCatalog.of(event.getClass());
    RecordHeaders h = new RecordHeaders();
    h.add("ce_specversion", bytes("1.0"));
    h.add("ce_id", bytes(id));
    h.add("ce_type", bytes(type.type()));
    h.add("ce_source", bytes("urn:sellergrowth:test"));
    h.add("ce_time", bytes(time.toString()));
    h.add("ce_eventversion", bytes(Integer.toString(type.version())));
    h.add("content-type", bytes("application/json"));
    send(new ProducerRecord<>(type.topic(), partition, key, EventSerde.serialize(event), h));
  }

  /** Publishes raw bytes with the given headers (for malformed-event tests). */
  public static void publishRaw(String topic, String key, String value, Map<String, String> headers) {
    RecordHeaders h = new RecordHeaders();
    headers.forEach((k, v) -> h.add(k, bytes(v)));
    send(new ProducerRecord<>(topic, null, key, value, h));
  }

  private static void send(ProducerRecord<String, String> record) {
    try {
      PRODUCER.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A reader positioned at the current end of a topic: it sees only what is published after it was opened. */
  public static Reader readFromNow(String topic) {
    return new Reader(topic);
  }

  /** Reads records of one topic. */
  public static final class Reader implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;

    Reader(String topic) {
      Properties p = new Properties();
      p.put("bootstrap.servers", BOOTSTRAP);
      p.put("group.id", "probe-" + UUID.randomUUID());
      p.put("enable.auto.commit", "false");
      p.put("key.deserializer", StringDeserializer.class.getName());
      p.put("value.deserializer", StringDeserializer.class.getName());
      consumer = new KafkaConsumer<>(p);
      List<TopicPartition> parts = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(parts);
      consumer.seekToEnd(parts);
      parts.forEach(consumer::position); // resolve the end offsets now
    }

    /** Polls until {@code count} records match, or fails after {@code timeout}. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
      List<ConsumerRecord<String, String>> found = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (found.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (match.test(r)) {
            found.add(r);
          }
        }
      }
      if (found.size() < count) {
        throw new AssertionError("expected " + count + " matching records, got " + found.size() + " within " + timeout);
      }
      return found;
    }

    /** Polls until a record of every key was seen (delivery is at least once: repeats are fine); the first record per key. */
    public Map<String, ConsumerRecord<String, String>> awaitKeys(java.util.Set<String> keys, Duration timeout) {
      Map<String, ConsumerRecord<String, String>> found = new java.util.HashMap<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (found.size() < keys.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() != null && keys.contains(r.key())) {
            found.putIfAbsent(r.key(), r);
          }
        }
      }
      if (found.size() < keys.size()) {
        throw new AssertionError("expected records for " + keys + ", got " + found.keySet() + " within " + timeout);
      }
      return found;
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  public static String header(ConsumerRecord<?, ?> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put("bootstrap.servers", BOOTSTRAP);
    p.put("acks", "all");
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  private Kafka() {
  }
}
