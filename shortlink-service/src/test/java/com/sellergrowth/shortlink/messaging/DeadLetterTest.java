package com.sellergrowth.shortlink.messaging;

import static com.sellergrowth.shortlink.testsupport.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.Topics;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A malformed event on any consumed topic lands in its .dlq with the reason; the consumer goes on (SPEC section 2). */
@QuarkusTest
class DeadLetterTest {

  @ParameterizedTest
  @ValueSource(strings = {Topics.SHORTLINK_EVENTS, Topics.PLATFORM_STOCK, Topics.PLATFORM_SELLERS})
  void malformedEventsAreDeadLetteredAndTheConsumerGoesOn(String topic) {
    com.sellergrowth.shortlink.testsupport.Fixtures.awaitClickConsumer();
    String key = "bad-" + UUID.randomUUID();
    try (Kafka.Reader dlq = Kafka.readFromNow(Topics.dlq(topic))) {
      Kafka.publishRaw(topic, key, "{not json", Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
          "ce_type", typeOf(topic), "ce_source", "urn:test", "ce_time", TestClock.BASE.toString(), "ce_eventversion", "1"));
      Kafka.publishRaw(topic, key + "-2", "{}", Map.of());
      var found = dlq.await(r -> r.key() != null && r.key().startsWith(key), 2, WAIT);
      for (ConsumerRecord<String, String> r : found) {
        assertThat(Kafka.header(r, "dead-letter-reason")).isNotBlank();
      }
    }
    // the consumer goes on: a valid click after the bad records is stored
    if (topic.equals(Topics.SHORTLINK_EVENTS)) {
      String id = UUID.randomUUID().toString();
      Instant now = TestClock.BASE;
      Kafka.publishWithId(id, "after-bad", click(id, "after-bad", null, now), now);
      await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM link_click WHERE click_id = ?::uuid", id) == 1);
    }
  }

  /** A click that passes its schema but cannot be stored (its id is the stats key and must be a UUID) is dead-lettered, not retried. */
  @org.junit.jupiter.api.Test
  void aClickWithAnUnusableIdIsDeadLetteredAndTheBatchGoesOn() {
    com.sellergrowth.shortlink.testsupport.Fixtures.awaitClickConsumer();
    String code = "bad-id-" + UUID.randomUUID();
    Instant now = TestClock.BASE;
    try (Kafka.Reader dlq = Kafka.readFromNow(Topics.dlq(Topics.SHORTLINK_EVENTS))) {
      Kafka.publish(code, click("not-a-uuid", code, null, now), now);
      String good = UUID.randomUUID().toString();
      Kafka.publishWithId(good, code, click(good, code, null, now), now);
      assertThat(Kafka.header(dlq.await(r -> code.equals(r.key()), 1, WAIT).get(0), "dead-letter-reason")).contains("UUID");
      await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM link_click WHERE click_id = ?::uuid", good) == 1);
    }
  }

  /** A human's click on a code, with an optional referrer. */
  private static LinkClickedV1 click(String clickId, String code, String referrer, Instant at) {
    return new LinkClickedV1(clickId, code, "s", "h", "v", "DESKTOP", null, "HUMAN", null, referrer, "TARGET", null, at);
  }

  private static String typeOf(String topic) {
    return switch (topic) {
      case Topics.SHORTLINK_EVENTS -> LinkClickedV1.TYPE.type();
      case Topics.PLATFORM_STOCK -> "platform.stock-synced";
      default -> "platform.seller-profile-updated";
    };
  }

  /** Valid for the contract, refused by PostgreSQL (text cannot hold NUL): dead-lettered alone, the rest of its batch stored. */
  @org.junit.jupiter.api.Test
  void aClickThatPostgreSQLRefusesIsDeadLetteredAndTheRestOfItsBatchStored() {
    com.sellergrowth.shortlink.testsupport.Fixtures.awaitClickConsumer();
    String code = "nul-" + UUID.randomUUID();
    Instant now = TestClock.BASE;
    try (Kafka.Reader dlq = Kafka.readFromNow(Topics.dlq(Topics.SHORTLINK_EVENTS))) {
      String before = UUID.randomUUID().toString();
      String poison = UUID.randomUUID().toString();
      String after = UUID.randomUUID().toString();
      Kafka.publishWithId(before, code, click(before, code, null, now), now);
      Kafka.publishWithId(poison, code, click(poison, code, "https://example.com/\u0000", now), now);
      Kafka.publishWithId(after, code, click(after, code, null, now), now);
      assertThat(Kafka.header(dlq.await(r -> code.equals(r.key()), 1, WAIT).get(0), "dead-letter-reason"))
          .contains("shortlink-service cannot store it");
      await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM link_click WHERE click_id = ANY(?::uuid[])",
          (Object) new String[] {before, after}) == 2);
      assertThat(Db.count("SELECT count(*) FROM link_click WHERE click_id = ?::uuid", poison)).isZero();
    }
  }
}
