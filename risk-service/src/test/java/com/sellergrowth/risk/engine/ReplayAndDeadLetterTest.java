package com.sellergrowth.risk.engine;

import static com.sellergrowth.risk.testsupport.Fixtures.WAIT;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitConsumer;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitDecision;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.risk.testsupport.Fixtures.claim;
import static com.sellergrowth.risk.testsupport.Fixtures.couponId;
import static com.sellergrowth.risk.testsupport.Fixtures.id;
import static com.sellergrowth.risk.testsupport.Fixtures.nextBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.Topics;
import com.sellergrowth.events.attribution.ClickAttributedV1;
import com.sellergrowth.events.coupon.CouponPausedV1;
import com.sellergrowth.events.direct.SupplierKpiMeasuredV1;
import com.sellergrowth.events.gift.GiftDispatchFailedV1;
import com.sellergrowth.events.gift.GiftShippedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.risk.messaging.Channels;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Section 2 and RSK-8: replaying every topic from the start changes no state and issues no decision; bad events go to the DLQ. */
@QuarkusTest
class ReplayAndDeadLetterTest {
  @Inject
  KafkaClientService kafka;

  @BeforeEach
  void consumerReady() {
    awaitConsumer();
  }

  /**
   * Everything risk-service holds, as one comparable text (outbox included: a replay must not publish anything either), but
   * the replay markers' own rows.
   */
  private static String state() {
    return Db.string("SELECT concat_ws(' | ', "
        + "(SELECT count(*) || ' decisions, ' || coalesce(md5(string_agg(id::text || status || evidence::text, ',' ORDER BY id)), '') FROM decision), "
        + "(SELECT count(*) || ' claims' FROM claim_fact), "
        + "(SELECT coalesce(md5(string_agg(coupon_id || claims || '/' || redemptions, ',' ORDER BY coupon_id)), '') FROM coupon_fact), "
        + "(SELECT count(*) || ' clicks ' || count(invalid_reason) FROM click_fact WHERE seller_id <> 'marker'), "
        + "(SELECT count(*) || ' gift outcomes' FROM gift_outcome WHERE seller_id <> 'marker'), "
        + "(SELECT count(*) || ' skus' FROM sku_fact WHERE seller_id <> 'marker'), "
        + "(SELECT count(*) || ' kpis' FROM kpi_fact WHERE supplier_id <> 'marker'), "
        + "(SELECT count(*) || ' waiting in the outbox' FROM outbox_event))");
  }

  @Test
  void replayingEveryTopicFromTheStartChangesNoStateAndIssuesNoDecision_RSK8() {
    Instant t = nextBase();
    String coupon = couponId();
    for (int i = 0; i < 6; i++) {
      claim(coupon, "s1", "203.0.113.70", t.plus(Duration.ofMinutes(i)));
    }
    String seller = id("gift-seller");
    for (int i = 0; i < 3; i++) {
      Kafka.publish(seller, new GiftDispatchFailedV1(id("d"), seller, "ERR-211", t.plusSeconds(i)), t.plusSeconds(i));
    }
    awaitDecision("RSK-1", coupon, "ACTIVE");
    awaitDecision("RSK-4", seller, "ACTIVE");
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM outbox_event") == 0);
    String before = state();
    long published = Db.count("SELECT count(*) FROM decision WHERE status <> 'SHADOW'");

    var consumers = com.sellergrowth.risk.testsupport.Fixtures.consumers(kafka); // the channel's copies, each with its partitions
    var consumer = consumers.get(0);
    Map<TopicPartition, Long> decisionsEnd = consumer.runOnPollingThread((Function<Consumer<String, String>, Map<TopicPartition, Long>>) c -> c.endOffsets(c.partitionsFor(Topics.RISK_DECISIONS).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList())).await().atMost(WAIT);
    // "offset 0" of this deployment: the test group started at the end of the topics (Fixtures.awaitConsumer)
    Map<TopicPartition, Long> start = awaitConsumer();
    for (var copy : consumers) {
      copy.runOnPollingThread(c -> {
        c.assignment().forEach(tp -> c.seek(tp, start.get(tp)));
      }).await().atMost(WAIT);
    }
    // a marker behind everything on every partition: once each is processed, everything before it was read again
    String[] markers = start.keySet().stream().map(tp -> marker(tp, t)).toArray(String[]::new);
    await().atMost(Duration.ofSeconds(300)).until(() -> Db.count("SELECT count(*) FROM processed_event WHERE event_id = ANY(?)",
        (Object) markers) == markers.length);
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM outbox_event") == 0);
    assertThat(Db.count("SELECT count(*) FROM decision WHERE status <> 'SHADOW'")).isEqualTo(published);
    assertThat(state()).isEqualTo(before);
    assertThat(consumer.runOnPollingThread((Function<Consumer<String, String>, Map<TopicPartition, Long>>) c -> c.endOffsets(decisionsEnd.keySet())).await()
        .atMost(WAIT)).as("nothing published on risk.decisions").isEqualTo(decisionsEnd);
  }

  /** A marker on one partition: an event of the topic's contract that leaves no state outside the "marker" rows state() skips. */
  private static String marker(TopicPartition tp, Instant t) {
    String id = UUID.randomUUID().toString();
    Record event = switch (tp.topic()) {
      case Topics.COUPON_EVENTS -> new CouponPausedV1("marker", "marker", "SELLER", "replay marker", null, t);
      case Topics.SHORTLINK_EVENTS -> new LinkClickedV1(id, "marker", "marker", "h", "v", "BOT", null, "BOT", "HEAD_REQUEST", null,
          "TARGET", null, t);
      case Topics.GIFT_EVENTS -> new GiftShippedV1(id, "marker", "SG1", t);
      case Topics.ATTRIBUTION_EVENTS -> new ClickAttributedV1(id, "marker", "marker", id, id, "Mozilla/5.0 marker", t);
      case Topics.DIRECT_EVENTS -> new SupplierKpiMeasuredV1("marker", "2100-01-01", 10_000, 10_000, 1, t);
      case Topics.PLATFORM_STOCK -> new StockSyncedV1("marker-" + id, "marker", "marker", "marker", null, 1, true, null, null, "PLATFORM", t);
      default -> throw new IllegalArgumentException(tp.topic());
    };
    Kafka.publishToPartitionWithId(id, tp.partition(), "marker", event, t);
    return id;
  }

  @Test
  void malformedEventsGoToTheirTopicsDeadLetterTopicAndTheConsumerGoesOn() {
    Instant t = nextBase();
    try (Kafka.Reader couponDlq = Kafka.readFromNow(Topics.dlq(Topics.COUPON_EVENTS));
        Kafka.Reader directDlq = Kafka.readFromNow(Topics.dlq(Topics.DIRECT_EVENTS))) {
      Kafka.publishRaw(Topics.COUPON_EVENTS, "bad-1", "{\"couponId\": 42}", Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID()
          .toString(), "ce_type", "coupon.claimed", "ce_source", "urn:test", "ce_time", t.toString(), "ce_eventversion", "1"));
      Kafka.publishRaw(Topics.COUPON_EVENTS, "bad-2", "{}", Map.of("ce_type", "coupon.claimed"));
      // valid JSON for its schema, but its day is no date: caught before the batch, not retried forever
      Kafka.publish("bad-3", new com.sellergrowth.events.direct.SupplierKpiMeasuredV1("sup", "yesterday", 9900, 9900, 30, t), t);
      // dated a day ahead of the service's clock: its producer's clock is wrong; counted, it would make every later event
      // of its partition too late (RSK-8)
      Instant ahead = com.sellergrowth.risk.testsupport.Fixtures.CLOCK.plus(Duration.ofDays(1));
      var aheadClaim = new com.sellergrowth.events.coupon.CouponClaimedV1("bad-4", UUID.randomUUID().toString(), "s1", "b", "US", null,
          "198.51.100.77", null, ahead);
      String futureDated = Kafka.publish("bad-4", aheadClaim, ahead);
      var bad = couponDlq.await(r -> r.key() != null && r.key().startsWith("bad-"), 3, WAIT);
      assertThat(bad).extracting(r -> Kafka.header(r, "dead-letter-topic")).containsOnly(Topics.COUPON_EVENTS);
      Map<String, String> reasons = new java.util.HashMap<>();
      bad.forEach(r -> reasons.put(r.key(), Kafka.header(r, "dead-letter-reason")));
      assertThat(reasons.get("bad-1")).contains("/couponId: integer found, string expected");
      assertThat(reasons.get("bad-2")).contains("missing CloudEvents headers");
      assertThat(reasons.get("bad-4")).contains("ahead of this service's clock");
      // refused for good (issue 15): recorded as processed, so a replay after the clock has passed its time refuses it again
      // instead of applying it (replay gives the same decisions)
      awaitProcessed(futureDated);
      // the replay, once this service's clock has passed the event's time: refused again, not applied
      try {
        com.sellergrowth.testsupport.TestClock.get().set(ahead.plus(Duration.ofHours(1)));
        Kafka.publishWithId(futureDated, "bad-4", aheadClaim, ahead);
        awaitProcessed(claim("bad-4", "s1", "198.51.100.78", t.plusSeconds(2))); // after it on its partition
      } finally {
        com.sellergrowth.testsupport.TestClock.get().set(com.sellergrowth.risk.testsupport.Fixtures.CLOCK);
      }
      assertThat(Db.count("SELECT count(*) FROM claim_fact WHERE coupon_id = 'bad-4' AND event_id = ?", futureDated)).isZero();
      assertThat(Kafka.header(directDlq.await(r -> "bad-3".equals(r.key()), 1, WAIT).get(0), "dead-letter-reason"))
          .contains("day is not an ISO date");
    }
    // and the consumer goes on
    String coupon = couponId();
    awaitProcessed(claim(coupon, "s1", null, t.plusSeconds(1)));
  }

  /** Valid for the contract, refused by PostgreSQL (text cannot hold NUL): dead-lettered alone, its batch applied, no stall. */
  @Test
  void anEventThatPostgreSQLRefusesIsDeadLetteredAndTheRestOfItsBatchApplied() {
    Instant t = nextBase();
    String coupon = couponId();
    try (Kafka.Reader couponDlq = Kafka.readFromNow(Topics.dlq(Topics.COUPON_EVENTS))) {
      String before = claim(coupon, "s1", "198.51.100.1", t);
      String poison = claim(coupon, "s1", "198.51.100.2\u0000", t.plusSeconds(1));
      String after = claim(coupon, "s1", "198.51.100.3", t.plusSeconds(2));
      awaitProcessed(before, poison, after);
      var dead = couponDlq.await(r -> coupon.equals(r.key()), 1, WAIT);
      assertThat(Kafka.header(dead.get(0), "dead-letter-reason")).contains("risk-service cannot store it");
      assertThat(Db.count("SELECT claims FROM coupon_fact WHERE coupon_id = ?", coupon)).as("the two good claims").isEqualTo(2);
      assertThat(Db.count("SELECT count(*) FROM claim_fact WHERE coupon_id = ?", coupon)).isEqualTo(2);
    }
    // and the partition goes on
    awaitProcessed(claim(coupon, "s1", "198.51.100.4", t.plusSeconds(3)));
  }
}
