package com.sellergrowth.attribution.messaging;

import static com.sellergrowth.attribution.testsupport.Fixtures.BROWSER;
import static com.sellergrowth.attribution.testsupport.Fixtures.HOST;
import static com.sellergrowth.attribution.testsupport.Fixtures.awaitClick;
import static com.sellergrowth.attribution.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.attribution.testsupport.Fixtures.clickIdOf;
import static com.sellergrowth.attribution.testsupport.Fixtures.createCode;
import static com.sellergrowth.attribution.testsupport.Fixtures.order;
import static com.sellergrowth.attribution.testsupport.Fixtures.seller;
import static com.sellergrowth.attribution.testsupport.Fixtures.uid;
import static com.sellergrowth.attribution.testsupport.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.attribution.testsupport.Fixtures.Seller;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.platform.OrderLine;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad events go to {@code <topic>.dlq} with the reason, alone; the events around them are applied (SPEC section 2). */
@QuarkusTest
class DeadLetterTest {

  @BeforeEach
  void clock() {
    TestClock.get().reset();
  }

  @Test
  void ordersPastTheirBoundsOrWithoutHeadersAreDeadLetteredAloneAndTheNextOrderIsApplied() {
    Seller s = seller(true);
    String link = (String) createCode(s, HOST + "/item/dlq").get("link");
    Instant clickAt = TestClock.get().now();
    awaitClick(clickIdOf(visit(link, "device-dlq-1", BROWSER)));
    try (Kafka.Reader dlq = Kafka.readFromNow(Topics.dlq(Topics.PLATFORM_ORDERS))) {
      Instant at = clickAt.plus(Duration.ofMinutes(1));
      String huge = uid("order");
      Kafka.publish(huge, new OrderPaidV1(new OrderSnapshot(huge, "b", s.id(), "ES", "EUR", 1, List.of(new OrderLine("SKU", "spu", "cat",
          null, Integer.MAX_VALUE, Long.MAX_VALUE)), "std", List.of(), null, "device-dlq-1", null), at), at);
      String badCurrency = uid("order");
      String json = com.sellergrowth.events.EventSerde.serialize(new OrderPaidV1(order(s, badCurrency, "device-dlq-1", null, "cat-x", 100), at))
          .replace("\"EUR\"", "\"euro\"");
      Kafka.publishRaw(Topics.PLATFORM_ORDERS, badCurrency, json, Map.of("ce_specversion", "1.0", "ce_id", uid("e"), "ce_type",
          "platform.order-paid", "ce_source", "urn:test", "ce_time", at.toString(), "ce_eventversion", "1"));
      Kafka.publishRaw(Topics.PLATFORM_ORDERS, "x", "{}", Map.of("ce_type", "platform.order-paid"));
      String good = uid("order");
      awaitProcessed(Kafka.publish(good, new OrderPaidV1(order(s, good, "device-dlq-1", null, "cat-x", 100), at), at));
      var dead = dlq.await(r -> true, 3, Duration.ofSeconds(30));
      assertThat(dead).extracting(r -> Kafka.header(r, "dead-letter-reason")).anyMatch(reason -> reason.contains("minor units"))
          .anyMatch(reason -> reason.contains("currency")).anyMatch(reason -> reason.contains("CloudEvents"));
      assertThat(Db.string("SELECT click_id::text FROM order_attribution WHERE order_id = ?", good)).isNotNull();
      assertThat(Db.count("SELECT count(*) FROM order_attribution WHERE order_id IN (?, ?)", huge, badCurrency)).isZero();
    }
  }

  @Test
  void clicksThatCannotBeReadAreDeadLetteredAloneAndTheStreamGoesOn() throws Exception {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/dlq-click");
    String codeId = (String) code.get("id");
    Instant now = TestClock.get().now();
    try (Kafka.Reader dlq = Kafka.readFromNow(Topics.dlq(Topics.ATTRIBUTION_EVENTS))) {
      // a header present with a null value (Kafka allows it), and a click without its device (the schema requires one)
      var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of("bootstrap.servers", Kafka.BOOTSTRAP,
          "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName(), "value.serializer",
          org.apache.kafka.common.serialization.StringSerializer.class.getName()));
      var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
      headers.add("ce_specversion", "1.0".getBytes());
      headers.add("ce_id", java.util.UUID.randomUUID().toString().getBytes());
      headers.add("ce_type", null);
      headers.add("ce_source", "urn:test".getBytes());
      producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.ATTRIBUTION_EVENTS, null, codeId, "{}", headers)).get();
      producer.close();
      String deviceless = java.util.UUID.randomUUID().toString();
      Kafka.publishRaw(Topics.ATTRIBUTION_EVENTS, codeId, "{\"clickId\":\"" + deviceless + "\",\"codeId\":\"" + codeId + "\",\"sellerId\":\""
          + s.id() + "\",\"ipHash\":\"h\",\"occurredAt\":\"" + now + "\"}", Map.of("ce_specversion", "1.0", "ce_id", deviceless, "ce_type",
          "attribution.click-attributed", "ce_source", "urn:test", "ce_time", now.toString(), "ce_eventversion", "1"));
      String next = clickIdOf(visit((String) code.get("link"), "device-after-dlq", BROWSER));
      awaitClick(next);
      var dead = dlq.await(r -> codeId.equals(r.key()), 2, Duration.ofSeconds(30));
      assertThat(dead).extracting(r -> Kafka.header(r, "dead-letter-reason")).anyMatch(reason -> reason.contains("CloudEvents"))
          .anyMatch(reason -> reason.contains("device"));
      assertThat(Db.count("SELECT count(*) FROM click WHERE click_id = ?::uuid", deviceless)).isZero();
    }
  }
}
