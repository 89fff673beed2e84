package com.sellergrowth.coupon.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.testsupport.Db;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed events on every consumed topic go to {@code <topic>.dlq} with the reason; the consumer goes on (SPEC section 2). */
@QuarkusTest
class DeadLetterTest {

  @ParameterizedTest
  @ValueSource(strings = {Topics.PLATFORM_ORDERS, Topics.PLATFORM_STOCK, Topics.PLATFORM_DISPUTES, Topics.PLATFORM_SELLERS,
      Topics.RISK_DECISIONS})
  void malformedEventsAreDeadLetteredWithTheirReasonAndTheConsumerGoesOn(String topic) {
    String type = switch (topic) {
      case Topics.PLATFORM_ORDERS -> "platform.order-paid";
      case Topics.PLATFORM_STOCK -> "platform.stock-synced";
      case Topics.PLATFORM_DISPUTES -> "platform.dispute-escalated";
      case Topics.PLATFORM_SELLERS -> "platform.seller-profile-updated";
      default -> "risk.pause-coupon";
    };
    String noHeaders = "no-headers-" + UUID.randomUUID();
    String badJson = "bad-json-" + UUID.randomUUID();
    String schemaBreak = "schema-" + UUID.randomUUID();
    try (Kafka.Reader dlq = Kafka.readFromNow(Topics.dlq(topic))) {
      Kafka.publishRaw(topic, noHeaders, "{}", Map.of());
      Kafka.publishRaw(topic, badJson, "{not json", ceHeaders(type));
      Kafka.publishRaw(topic, schemaBreak, "{\"unexpected\":true}", ceHeaders(type));
      var records = dlq.awaitKeys(java.util.Set.of(noHeaders, badJson, schemaBreak), Fixtures.WAIT);
      Map<String, String> reasons = new java.util.HashMap<>();
      records.forEach((key, r) -> reasons.put(key, Kafka.header(r, "dead-letter-reason")));
      assertThat(reasons.get(noHeaders)).contains("missing CloudEvents headers");
      assertThat(reasons.get(badJson)).contains("not JSON");
      assertThat(reasons.get(schemaBreak)).contains("schema violations");
      assertThat(Kafka.header(records.get(badJson), "dead-letter-topic")).isEqualTo(topic);
    }
    // the consumer goes on: a valid event published afterwards is applied
    String seller = Fixtures.uid("seller");
    String valid = Fixtures.publishSeller(seller, "ENTERPRISE", true, true, true);
    await().atMost(Fixtures.WAIT).until(() -> Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", valid) == 1);
  }

  private static Map<String, String> ceHeaders(String type) {
    return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type, "ce_source", "urn:test",
        "ce_time", TestClock.get().now().toString(), "ce_eventversion", "1");
  }

  static Instant now() {
    return TestClock.get().now();
  }
}
