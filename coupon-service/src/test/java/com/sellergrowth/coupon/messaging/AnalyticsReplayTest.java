package com.sellergrowth.coupon.messaging;

import static com.sellergrowth.coupon.testsupport.Fixtures.claim;
import static com.sellergrowth.coupon.testsupport.Fixtures.couponBody;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.testsupport.Db;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.coupon.testsupport.Orders;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.platform.OrderCancelledV1;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CPN-15/16 analytics, and the replay guarantee: platform.orders from offset 0 changes no redemption and no figure. */
@QuarkusTest
class AnalyticsReplayTest {

  @Inject
  KafkaClientService kafka;

  @Inject
  io.micrometer.core.instrument.MeterRegistry registry;

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }

  // CPN-15, CPN-16
  @Test
  void analyticsCompareVariantsAndReplayingOrdersFromOffsetZeroChangesNothing_CPN15_CPN16() throws Exception {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.put("variants", List.of(Map.of("name", "A", "weight", 50, "faceValueMinor", 4_00), Map.of("name", "B", "weight", 50,
        "faceValueMinor", 6_00)));
    body.put("grossMarginBp", 1_000);
    String coupon = createCoupon(shop, body);
    List<String> claims = new ArrayList<>();
    List<String> buyers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String buyer = uid("buyer");
      buyers.add(buyer);
      claims.add(claim(coupon, buyer, "US", "10.3.0." + i).then().statusCode(201).extract().path("id"));
    }
    claim(coupon, uid("buyer"), "DE", "10.3.1.1").then().statusCode(409);
    Instant now = TestClock.get().now();
    List<String> eventIds = new ArrayList<>();
    List<OrderSnapshot> orders = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      OrderSnapshot o = Orders.order(shop, buyers.get(i), 1 + i % 2, Orders.STANDARD, claims.get(i));
      orders.add(o);
      eventIds.add(Kafka.publish(o.orderId(), new OrderPaidV1(o, now), now));
    }
    eventIds.add(Kafka.publish(orders.get(5).orderId(), new OrderCancelledV1(orders.get(5), now.plusSeconds(5)), now.plusSeconds(5)));
    await().atMost(Fixtures.WAIT).until(() -> eventIds.stream().allMatch(id ->
        Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", id) == 1));

    JsonPath before = analytics(shop, coupon);
    assertThat(before.getInt("claims")).isEqualTo(20);
    assertThat(before.getInt("redemptions")).isEqualTo(5);
    assertThat(before.getString("redemptionRate")).isEqualTo("0.25");
    assertThat(before.getInt("claimRefusals")).isEqualTo(1);
    assertThat(before.getMap("refusalsByCode")).containsEntry("ERR_COUPON_REGION", 1);
    long gmv = orders.subList(0, 5).stream().mapToLong(OrderSnapshot::amountMinor).sum();
    assertThat(before.getLong("gmvMinor")).isEqualTo(gmv);
    List<Map<String, Object>> variants = before.getList("variants");
    assertThat(variants).extracting(v -> v.get("variant")).containsExactly("A", "B");
    assertThat(variants.stream().mapToInt(v -> (Integer) v.get("claims")).sum()).isEqualTo(20);
    assertThat(variants.stream().mapToInt(v -> (Integer) v.get("redemptions")).sum()).isEqualTo(5);
    long cost = Db.count("SELECT coalesce(sum(discount_minor), 0) FROM coupon_claim WHERE coupon_id = ?::uuid", coupon);
    assertThat(before.getLong("discountCostMinor")).isEqualTo(cost);
    // cost vs 10% margin on GMV: at 4.00-6.00 off orders of 50.00-100.00, more than 30% of the margin goes to discounts
    assertThat(before.getList("warnings.code")).contains("WARN_COST_OVER_MARGIN");

    double duplicatesBefore = duplicates();
    replayPlatformOrdersFromOffsetZero();
    // every event of this test was delivered again and recognised as a duplicate
    assertThat(duplicates() - duplicatesBefore).isGreaterThanOrEqualTo(eventIds.size());

    JsonPath after = analytics(shop, coupon);
    assertThat(after.prettify()).isEqualTo(before.prettify());
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?::uuid AND status = 'REDEEMED'", coupon)).isEqualTo(5);
  }

  static JsonPath analytics(Shop shop, String coupon) {
    return given().auth().oauth2(shop.token()).get("/v1/coupons/" + coupon + "/analytics").then().statusCode(200).extract().jsonPath();
  }

  /** What an operator does with kafka-consumer-groups --reset-offsets --to-earliest, done on the live consumer, then wait for lag 0. */
  private void replayPlatformOrdersFromOffsetZero() throws Exception {
    var consumer = kafka.getConsumer(Channels.PLATFORM_ORDERS_IN);
    Set<TopicPartition> assigned = consumer.getAssignments().await().atMost(Duration.ofSeconds(10));
    assertThat(assigned).isNotEmpty();
    consumer.seekToBeginning(assigned).await().atMost(Duration.ofSeconds(10));
    assertThat(assigned).allMatch(tp -> tp.topic().equals(Topics.PLATFORM_ORDERS));
    // A marker at the end of every partition: once each marker is applied, everything before it was read again.
    for (TopicPartition tp : assigned) {
      String marker = java.util.UUID.randomUUID().toString();
      OrderSnapshot o = Orders.order(eligibleShopless(), uid("marker-buyer"), 1, Orders.STANDARD);
      Kafka.publishToPartitionWithId(marker, tp.partition(), o.orderId(), new OrderPaidV1(o, TestClock.get().now()), TestClock.get().now());
      await().atMost(Duration.ofSeconds(120)).until(() -> Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", marker) == 1);
    }
  }

  private static Shop eligibleShopless() {
    return new Shop("marker-seller", "marker-sku", "marker-spu", "marker-cat", "");
  }

  private double duplicates() {
    return registry.find("events.consumed").tag("consumer", Channels.PLATFORM_ORDERS_IN).tag("outcome", "duplicate").counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }
}
