package com.sellergrowth.risk.testsupport;

import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.coupon.CouponClaimedV1;
import com.sellergrowth.events.coupon.CouponCreatedV2;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import com.sellergrowth.risk.messaging.Channels;
import io.quarkus.arc.Arc;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Object mother for risk tests: events published through the real broker, with event times of their own. Each test takes a
 * base time ten days after the previous test's ({@link #nextBase()}), far from what other modules' tests publish, so that no
 * test's events are "too late" behind another test's on a shared partition (RSK-8 grace).
 */
public final class Fixtures {
  public static final Duration WAIT = Duration.ofSeconds(60);
  private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
  /** The service's clock during risk tests: after every event time they use. */
  public static final Instant CLOCK = Instant.parse("2200-01-01T00:00:00Z");
  private static final AtomicInteger DAYS = new AtomicInteger();

  private Fixtures() {
  }

  private static volatile Map<TopicPartition, Long> start;
  /** Copies of the channel (mp.messaging.incoming.risk-in.concurrency). */
  private static final int COPIES = org.eclipse.microprofile.config.ConfigProvider.getConfig()
      .getOptionalValue("mp.messaging.incoming.risk-in.concurrency", Integer.class).orElse(1);

  /**
   * Waits until risk-service's consumer holds every partition of the topics it reads and knows where it starts, once per
   * test JVM; answers those start positions ("offset 0" of this test deployment: its group starts at the end of the topics,
   * so that a local broker's history, such as millions of benchmark clicks, is not read by every test run).
   */
  public static synchronized Map<TopicPartition, Long> awaitConsumer() {
    // the service's clock stands after every event time the tests use (events dated ahead of it are refused)
    TestClock.get().set(CLOCK);
    if (start == null) {
      KafkaClientService kafka = Arc.container().instance(KafkaClientService.class).get();
      // the group is stable once every copy of the channel holds partitions and together they hold all 18 (6 topics of 3):
      // only then are the start positions final (a later rebalance would resolve "latest" again, after a test published)
      await().atMost(WAIT).until(() -> consumers(kafka).size() == COPIES && consumers(kafka).stream()
          .allMatch(c -> !c.getAssignments().await().atMost(WAIT).isEmpty()) && assignments(kafka).size() == 18);
      Map<TopicPartition, Long> positions = new HashMap<>();
      for (var consumer : consumers(kafka)) {
        positions.putAll(consumer.runOnPollingThread((java.util.function.Function<org.apache.kafka.clients.consumer.Consumer<String, String>,
            Map<TopicPartition, Long>>) c -> {
          Map<TopicPartition, Long> p = new HashMap<>();
          c.assignment().forEach(tp -> p.put(tp, c.position(tp)));
          return p;
        }).await().atMost(WAIT));
      }
      start = positions;
    }
    return start;
  }

  /** The consumers of every copy of risk-service's channel ({@code risk-in$1}, {@code risk-in$2}, ...: incoming concurrency). */
  public static List<io.smallrye.reactive.messaging.kafka.KafkaConsumer<String, String>> consumers(KafkaClientService kafka) {
    List<io.smallrye.reactive.messaging.kafka.KafkaConsumer<String, String>> all = new java.util.ArrayList<>();
    for (String channel : kafka.getConsumerChannels()) {
      if (channel.equals(Channels.RISK_IN) || channel.startsWith(Channels.RISK_IN + "$")) {
        all.addAll(kafka.<String, String>getConsumers(channel));
      }
    }
    return all;
  }

  /** Every partition risk-service's consumers (all copies of its channel) hold now. */
  public static java.util.Set<TopicPartition> assignments(KafkaClientService kafka) {
    java.util.Set<TopicPartition> all = new java.util.HashSet<>();
    for (var consumer : consumers(kafka)) {
      all.addAll(consumer.getAssignments().await().atMost(WAIT));
    }
    return all;
  }

  public static Instant nextBase() {
    // ten days apart: wider than any test's own span (RSK-2 moves 73 h on, the KPI test 7 days), so no test's events are
    // too late behind an earlier test's on a shared partition, whatever the order the tests run in
    return FAR.plus(Duration.ofDays(10L * DAYS.incrementAndGet()));
  }

  public static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String couponId() {
    return UUID.randomUUID().toString();
  }

  public static String createCoupon(String couponId, String sellerId, List<String> spus, Instant at) {
    return Kafka.publish(couponId, new CouponCreatedV2(couponId, sellerId, "THRESHOLD", 500, 2000, "USD", 1000, 500_000,
        at, at.plus(Duration.ofDays(30)), List.of("US"), List.of(), spus, List.of(), List.of(), at), at);
  }

  public static String claim(String couponId, String sellerId, String ip, Instant at) {
    return Kafka.publish(couponId, new CouponClaimedV1(couponId, UUID.randomUUID().toString(), sellerId, id("buyer"), "US", null, ip,
        null, at), at);
  }

  /** Waits until risk-service consumed (and committed the effects of) these events. */
  public static void awaitProcessed(String... eventIds) {
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM processed_event WHERE event_id = ANY(?)", (Object) eventIds)
        == eventIds.length);
  }

  public static long decisions(String rule, String subjectId, String status) {
    return Db.count("SELECT count(*) FROM decision WHERE rule = ? AND subject_id = ? AND status = ?", rule, subjectId, status);
  }

  public static void awaitDecision(String rule, String subjectId, String status) {
    await().atMost(WAIT).until(() -> decisions(rule, subjectId, status) == 1);
  }

  public static String decisionId(String rule, String subjectId) {
    return Db.string("SELECT id::text FROM decision WHERE rule = ? AND subject_id = ? ORDER BY created_at DESC LIMIT 1", rule, subjectId);
  }
}
