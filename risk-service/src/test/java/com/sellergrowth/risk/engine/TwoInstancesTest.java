package com.sellergrowth.risk.engine;

import static com.sellergrowth.risk.testsupport.Fixtures.WAIT;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitConsumer;
import static com.sellergrowth.risk.testsupport.Fixtures.claim;
import static com.sellergrowth.risk.testsupport.Fixtures.couponId;
import static com.sellergrowth.risk.testsupport.Fixtures.nextBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.Topics;
import com.sellergrowth.risk.messaging.Channels;
import com.sellergrowth.risk.messaging.RiskEventsConsumer;
import com.sellergrowth.risk.testsupport.Fixtures;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scaling out by partition (SPEC section 8): a second instance joins the service's consumer group (same topics, same database,
 * the same consumer code) and the two share the partitions; then it dies after applying a batch but before committing its
 * offsets, so the first instance gets those records again. No decision is lost and none is doubled, in the database or on
 * risk.decisions.
 */
@QuarkusTest
class TwoInstancesTest {
  @Inject
  KafkaClientService kafka;
  @Inject
  RiskEventsConsumer engine;
  @Inject
  io.micrometer.core.instrument.MeterRegistry registry;

  private double duplicatesSeen() {
    return registry.find("events.consumed").tag("outcome", "duplicate").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @BeforeEach
  void consumerReady() {
    awaitConsumer();
  }

  /** The second instance: a plain Kafka consumer in the same group, applying batches with the service's own consumer code. */
  private final class SecondInstance implements Runnable {
    final AtomicBoolean dieAfterNextApply = new AtomicBoolean();
    final AtomicBoolean assigned = new AtomicBoolean();
    final AtomicInteger applied = new AtomicInteger();
    final AtomicBoolean dead = new AtomicBoolean();

    @Override
    public void run() {
      Properties p = new Properties();
      p.put("bootstrap.servers", Kafka.BOOTSTRAP);
      p.put("group.id", ConfigProvider.getConfig().getValue("mp.messaging.incoming.risk-in.group.id", String.class));
      p.put("enable.auto.commit", "false");
      p.put("auto.offset.reset", "latest");
      p.put("max.poll.records", "50");
      p.put("key.deserializer", StringDeserializer.class.getName());
      p.put("value.deserializer", StringDeserializer.class.getName());
      try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
        c.subscribe(List.of(Topics.COUPON_EVENTS, Topics.SHORTLINK_EVENTS, Topics.GIFT_EVENTS, Topics.ATTRIBUTION_EVENTS,
            Topics.DIRECT_EVENTS, Topics.PLATFORM_STOCK));
        while (!dead.get()) {
          ConsumerRecords<String, String> batch = c.poll(Duration.ofMillis(200));
          if (!c.assignment().isEmpty() && !assigned.get()) {
            c.assignment().forEach(c::position); // resolve "latest" before the test publishes
            assigned.set(true);
          }
          if (batch.isEmpty()) {
            continue;
          }
          List<ConsumerRecord<String, String>> records = new ArrayList<>();
          batch.forEach(records::add);
          engine.apply(records).await().atMost(WAIT);
          applied.addAndGet(records.size());
          if (dieAfterNextApply.get()) {
            dead.set(true); // applied, not committed: the records go to the other instance again
            return;
          }
          c.commitSync();
        }
      }
    }
  }

  @Test
  void twoInstancesShareThePartitionsAndNoDecisionIsLostOrDoubled() throws Exception {
    var firsts = com.sellergrowth.risk.testsupport.Fixtures.consumers(kafka); // the service's own consumers (copies of its channel)
    SecondInstance second = new SecondInstance();
    Thread thread = new Thread(second, "risk-second-instance");
    thread.start();
    try {
      // the group rebalanced: each instance holds a share of the 18 partitions
      await().atMost(WAIT).until(() -> second.assigned.get() && Fixtures.assignments(kafka).size() < 18);
      for (var first : firsts) {
        first.runOnPollingThread(c -> {
          c.assignment().forEach(c::position);
        }).await().atMost(WAIT);
      }
      Map<TopicPartition, Long> decisionsEnd = endOffsets();
      double duplicatesBefore = duplicatesSeen();

      Instant t = nextBase();
      List<String> bursts = new ArrayList<>();
      List<String> calm = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 15; i++) {
          String burst = couponId();
          String fine = couponId();
          bursts.add(burst);
          calm.add(fine);
          for (int k = 0; k < 6; k++) {
            claim(burst, "s-two", "203.0.113.80", t.plus(Duration.ofMinutes(k)));
            if (k < 5) {
              claim(fine, "s-two", "203.0.113.81", t.plus(Duration.ofMinutes(k)));
            }
          }
        }
        if (round == 0) {
          await().atMost(WAIT).until(() -> second.applied.get() > 0);
          second.dieAfterNextApply.set(true); // the second round's records of its partitions: applied, never committed
        }
      }
      await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM decision WHERE rule = 'RSK-1' AND subject_id = ANY(?)",
          (Object) bursts.toArray(String[]::new)) == bursts.size());
      await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM outbox_event") == 0);
      // the first instance took the dead one's partitions back and re-read what it had not committed
      await().atMost(WAIT).until(() -> Fixtures.assignments(kafka).size() == 18);
      await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM processed_event WHERE event_id IN (SELECT event_id FROM claim_fact "
          + "WHERE coupon_id = ANY(?))", (Object) calm.toArray(String[]::new)) == calm.size() * 5L);
      assertThat(second.applied.get()).as("the second instance did part of the work").isPositive();
      assertThat(duplicatesSeen()).as("what the dead instance applied but never committed was delivered again").isGreaterThan(duplicatesBefore);
      assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ANY(?)", (Object) calm.toArray(String[]::new))).isZero();
      assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ANY(?)", (Object) bursts.toArray(String[]::new)))
          .isEqualTo(bursts.size());
      assertThat(Db.count("SELECT sum(claims) FROM coupon_fact WHERE coupon_id = ANY(?)", (Object) bursts.toArray(String[]::new)))
          .as("no claim counted twice").isEqualTo(6L * bursts.size());
      Map<String, Integer> publishedPerCoupon = publishedSince(decisionsEnd);
      assertThat(publishedPerCoupon.keySet()).containsExactlyInAnyOrderElementsOf(bursts);
      assertThat(publishedPerCoupon.values()).containsOnly(1);
    } finally {
      second.dead.set(true);
      thread.join(30_000);
    }
  }

  private Map<TopicPartition, Long> endOffsets() {
    try (KafkaConsumer<String, String> c = probe()) {
      return c.endOffsets(c.partitionsFor(Topics.RISK_DECISIONS).stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList());
    }
  }

  /** Records per key published on risk.decisions after {@code from}, up to the current end. */
  private Map<String, Integer> publishedSince(Map<TopicPartition, Long> from) {
    Map<String, Integer> perKey = new HashMap<>();
    try (KafkaConsumer<String, String> c = probe()) {
      c.assign(from.keySet());
      from.forEach(c::seek);
      Map<TopicPartition, Long> end = c.endOffsets(from.keySet());
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (from.keySet().stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          perKey.merge(r.key(), 1, Integer::sum);
        }
      }
    }
    return perKey;
  }

  private static KafkaConsumer<String, String> probe() {
    Properties p = new Properties();
    p.put("bootstrap.servers", Kafka.BOOTSTRAP);
    p.put("group.id", "probe-" + java.util.UUID.randomUUID());
    p.put("enable.auto.commit", "false");
    p.put("key.deserializer", StringDeserializer.class.getName());
    p.put("value.deserializer", StringDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }
}
