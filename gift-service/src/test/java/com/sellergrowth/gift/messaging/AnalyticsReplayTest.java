package com.sellergrowth.gift.messaging;

import static com.sellergrowth.gift.testsupport.Fixtures.approvedGift;
import static com.sellergrowth.gift.testsupport.Fixtures.available;
import static com.sellergrowth.gift.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.gift.testsupport.Fixtures.dispatchOf;
import static com.sellergrowth.gift.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.gift.testsupport.Fixtures.order;
import static com.sellergrowth.gift.testsupport.Fixtures.rule;
import static com.sellergrowth.gift.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.Topics;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderPlacedV1;
import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.gift.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GFT-11 figures, and the replay guarantee: platform.orders from offset 0 changes no dispatch, no unit and no figure. */
@QuarkusTest
class AnalyticsReplayTest {
  @Inject
  KafkaClientService kafka;

  @BeforeEach
  void clock() {
    TestClock.get().reset();
  }

  private static String publish(OrderSnapshot o, boolean paid) {
    TestClock.get().advance(Duration.ofMinutes(1));
    Instant now = TestClock.get().now();
    return Kafka.publish(o.orderId(), paid ? new OrderPaidV1(o, now) : new OrderPlacedV1(o, now), now);
  }

  private static void placedAndPaid(OrderSnapshot o) {
    publish(o, false);
    awaitProcessed(publish(o, true));
  }

  @Test
  void giftAnalyticsCompareOrdersWithAndWithoutAGiftAndAReplayFromOffsetZeroChangesNothing_GFT11() throws Exception {
    Seller s = eligibleSeller();
    String gift = approvedGift(s, "cat-home", "PLATFORM", 30, 10);
    rule(s, gift, 3_000, 1);
    String a = uid("buyer");
    OrderSnapshot a1 = order(s, a, "US", 5_000, "c"); // offered, paid, dispatched; buyer A comes back
    OrderSnapshot b1 = order(s, uid("buyer"), "US", 5_000, "c"); // offered, never paid
    OrderSnapshot c1 = order(s, uid("buyer"), "US", 2_000, "c"); // below the threshold
    OrderSnapshot d1 = order(s, uid("buyer"), "EG", 5_000, "c"); // cash on delivery: no gift
    placedAndPaid(a1);
    awaitProcessed(publish(b1, false));
    placedAndPaid(c1);
    placedAndPaid(d1);
    OrderSnapshot a2 = order(s, a, "US", 1_000, "c");
    placedAndPaid(a2);
    String dispatch = dispatchOf(s, a1.orderId()).getString("id");
    given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("version", 1)).post("/v1/dispatches/" + dispatch + "/label")
        .then().statusCode(200);
    given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("version", 2)).post("/v1/dispatches/" + dispatch + "/confirm")
        .then().statusCode(200);

    JsonPath before = analytics(s);
    assertThat(before.getLong("dispatches")).isEqualTo(1);
    assertThat(before.getMap("byStatus")).isEqualTo(Map.of("SHIPPED", 1));
    assertThat(before.getMap("outcomes")).isEqualTo(Map.of("DISPATCHED", 1, "NO_RULE", 2, "ERR_COD_COUNTRY", 1));
    assertThat(before.getLong("costMinor")).isEqualTo(320);
    assertThat(before.getString("costCurrency")).isEqualTo("CNY");
    // conversion: offered at checkout 1 paid of 2 placed; not offered 3 of 3. Repeat purchase: the gifted order's buyer came back.
    assertThat(before.getMap("withGift")).isEqualTo(Map.of("placed", 2, "paidOfPlaced", 1, "conversionBp", 5_000, "paid", 1, "repeated", 1,
        "repeatPurchaseBp", 10_000));
    assertThat(before.getMap("withoutGift")).isEqualTo(Map.of("placed", 3, "paidOfPlaced", 3, "conversionBp", 10_000, "paid", 3, "repeated", 0,
        "repeatPurchaseBp", 0));
    long units = available(gift);
    long dispatches = Db.count("SELECT count(*) FROM dispatch WHERE seller_id = ?", s.id());

    replayPlatformOrdersFromOffsetZero();
    JsonPath after = analytics(s);
    assertThat(after.prettify()).isEqualTo(before.prettify());
    assertThat(available(gift)).isEqualTo(units);
    assertThat(Db.count("SELECT count(*) FROM dispatch WHERE seller_id = ?", s.id())).isEqualTo(dispatches);
  }

  static JsonPath analytics(Seller s) {
    return given().auth().oauth2(s.token()).get("/v1/gift-analytics").then().statusCode(200).extract().jsonPath();
  }

  /** What an operator does with kafka-consumer-groups --reset-offsets --to-earliest, done on the live consumer, then wait for lag 0. */
  private void replayPlatformOrdersFromOffsetZero() {
    var consumer = kafka.getConsumer(Channels.PLATFORM_ORDERS_IN);
    Set<TopicPartition> assigned = consumer.getAssignments().await().atMost(Duration.ofSeconds(10));
    assertThat(assigned).isNotEmpty().allMatch(tp -> tp.topic().equals(Topics.PLATFORM_ORDERS));
    consumer.seekToBeginning(assigned).await().atMost(Duration.ofSeconds(10));
    // a marker at the end of every partition: once each is applied, everything before it was read again
    for (TopicPartition tp : assigned) {
      String marker = java.util.UUID.randomUUID().toString();
      Instant now = TestClock.get().now();
      OrderSnapshot o = new OrderSnapshot(uid("marker"), "marker-buyer", "marker-seller", "US", "USD", 1, List.of(), "std", List.of(), null,
          null, null);
      Kafka.publishToPartitionWithId(marker, tp.partition(), o.orderId(), new OrderPaidV1(o, now), now);
      await().atMost(Duration.ofSeconds(120)).until(() -> Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", marker) == 1);
    }
  }
}
