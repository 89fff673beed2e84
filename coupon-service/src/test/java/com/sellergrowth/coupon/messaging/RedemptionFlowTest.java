package com.sellergrowth.coupon.messaging;

import static com.sellergrowth.coupon.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.coupon.testsupport.Fixtures.claim;
import static com.sellergrowth.coupon.testsupport.Fixtures.couponBody;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.sellergrowth.coupon.service.RedemptionService;
import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.coupon.testsupport.Orders;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.platform.OrderCancelledV1;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderRefundedV1;
import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CPN-11, 12, 13 through the real broker: OrderPaid redeems, cancellations and refunds reverse. */
@QuarkusTest
class RedemptionFlowTest {

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }

  static String claimId(String coupon, String buyer) {
    return claim(coupon, buyer, "US", "10.2.0.1").then().statusCode(201).extract().path("id");
  }


  static String claimStatus(String claimId) {
    return Db.string("SELECT status FROM coupon_claim WHERE id = ?::uuid", claimId);
  }

  @Inject
  RedemptionService redemptions;

  // CPN-13, issue 15: two orders naming one claim, applied at once by two instances (two partitions), both read UNUSED; without
  // a version both redeemed it (two coupon.redeemed, the claim on the later order). Now one wins and the other fails on the
  // version (its consumer retries it and is refused ERR_CLAIM_NOT_USABLE).
  @Test
  void twoOrdersRedeemingOneClaimAtOnceRedeemItOnce_CPN13() throws Exception {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    String buyer = uid("buyer");
    String claim = claimId(coupon, buyer);
    OrderSnapshot first = Orders.order(shop, buyer, 1, Orders.STANDARD, claim);
    OrderSnapshot second = Orders.order(shop, buyer, 1, Orders.STANDARD, claim);
    Instant now = TestClock.get().now();
    List<CompletableFuture<Boolean>> attempts;
    try (Connection db = Db.open()) {
      db.setAutoCommit(false);
      try (PreparedStatement lock = db.prepareStatement("SELECT 1 FROM coupon_claim WHERE id = ?::uuid FOR UPDATE")) {
        lock.setString(1, claim);
        lock.executeQuery();
      }
      // both read the claim (a plain read is not blocked by the lock), then both wait to write it
      attempts = List.of(first, second).stream().map(o -> CompletableFuture.supplyAsync(() -> {
        try {
          return VertxContextSupport.subscribeAndAwait(() -> redemptions.onOrderPaid(UUID.randomUUID().toString(), o, now));
        } catch (Throwable e) {
          throw new CompletionException(e);
        }
      })).toList();
      await().atMost(Fixtures.WAIT).until(() -> Db.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND wait_event_type = 'Lock' AND query ILIKE 'update coupon_claim%'") == 2);
      db.commit();
    }
    long succeeded = attempts.stream().filter(a -> {
      try {
        a.get(30, TimeUnit.SECONDS);
        return true;
      } catch (Exception e) {
        return false;
      }
    }).count();
    assertThat(succeeded).isEqualTo(1);
    assertThat(claimStatus(claim)).isEqualTo("REDEEMED");
    assertThat(Db.count("SELECT version FROM coupon_claim WHERE id = ?::uuid", claim)).isEqualTo(1);
  }

  // CPN-13, CPN-17, issue 15: an order paid while the coupon ran was refused ERR_COUPON_ENDED when its event was read after the
  // seller ended the coupon: redemption judged the order's time against the coupon's current status
  @Test
  void anOrderPaidBeforeTheCouponEndedRedeemsWhenItsEventIsReadAfter_CPN13_CPN17() {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    String buyer = uid("buyer");
    String claim = claimId(coupon, buyer);
    String lateBuyer = uid("buyer");
    String lateClaim = claimId(coupon, lateBuyer);
    OrderSnapshot paidBefore = Orders.order(shop, buyer, 1, Orders.STANDARD, claim);
    OrderSnapshot paidAfter = Orders.order(shop, lateBuyer, 1, Orders.STANDARD, lateClaim);
    Instant paidAt = TestClock.get().now();
    TestClock.get().set(paidAt.plus(Duration.ofMinutes(5)));
    given().auth().oauth2(shop.token()).contentType(io.restassured.http.ContentType.JSON).post("/v1/coupons/" + coupon + "/end")
        .then().statusCode(200);
    awaitProcessed(Kafka.publish(paidBefore.orderId(), new OrderPaidV1(paidBefore, paidAt), paidAt));
    Instant afterEnd = paidAt.plus(Duration.ofMinutes(6));
    awaitProcessed(Kafka.publish(paidAfter.orderId(), new OrderPaidV1(paidAfter, afterEnd), afterEnd));

    assertThat(claimStatus(claim)).isEqualTo("REDEEMED");
    assertThat(claimStatus(lateClaim)).isEqualTo("UNUSED");
    assertThat(Db.string("SELECT code FROM claim_refusal WHERE order_id = ?", paidAfter.orderId())).isEqualTo("ERR_COUPON_ENDED");
  }

  // CPN-12, issue 15: "first order" ignored the orders' times: an order paid later whose event was read first made the buyer's
  // real first order (read second) "not the first"
  @Test
  void theFirstOrderIsTheFirstInEventTimeNotTheFirstRead_CPN12() {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.put("firstOrderOnly", true);
    String coupon = createCoupon(shop, body);
    String buyer = uid("buyer");
    String claim = claimId(coupon, buyer);
    Instant t = TestClock.get().now();
    OrderSnapshot later = Orders.order(shop, buyer, 1, Orders.STANDARD);
    awaitProcessed(Kafka.publish(later.orderId(), new OrderPaidV1(later, t.plus(Duration.ofHours(1))), t.plus(Duration.ofHours(1))));
    OrderSnapshot first = Orders.order(shop, buyer, 1, Orders.STANDARD, claim);
    awaitProcessed(Kafka.publish(first.orderId(), new OrderPaidV1(first, t), t));
    assertThat(claimStatus(claim)).isEqualTo("REDEEMED");
  }

  // CPN-12, issue 15 review: two orders of one buyer and seller read out of order (or at once on two partitions) each saw no
  // earlier order and both redeemed a first-order-only coupon; one first-order redemption per buyer and seller now
  @Test
  void aBuyerRedeemsOneFirstOrderCouponOfASellerWhateverOrderTheOrdersAreReadIn_CPN12() {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.put("firstOrderOnly", true);
    String one = createCoupon(shop, body);
    String two = createCoupon(shop, body);
    String buyer = uid("buyer");
    String claimOne = claimId(one, buyer);
    String claimTwo = claimId(two, buyer);
    Instant t = TestClock.get().now();
    OrderSnapshot later = Orders.order(shop, buyer, 1, Orders.STANDARD, claimOne);
    OrderSnapshot earlier = Orders.order(shop, buyer, 1, Orders.STANDARD, claimTwo);
    awaitProcessed(Kafka.publish(later.orderId(), new OrderPaidV1(later, t.plus(Duration.ofHours(1))), t.plus(Duration.ofHours(1))));
    awaitProcessed(Kafka.publish(earlier.orderId(), new OrderPaidV1(earlier, t), t));
    assertThat(claimStatus(claimOne)).isEqualTo("REDEEMED");
    assertThat(claimStatus(claimTwo)).isEqualTo("UNUSED");
    assertThat(Db.string("SELECT code FROM claim_refusal WHERE order_id = ?", earlier.orderId())).isEqualTo("ERR_NOT_FIRST_ORDER");
  }

  // CPN-13
  @Test
  void aPaidOrderRedeemsItsClaimOnceEvenWhenTheEventIsDeliveredTwice_CPN13() {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    String buyer = uid("buyer");
    String claim = claimId(coupon, buyer);
    OrderSnapshot order = Orders.order(shop, buyer, 1, Orders.STANDARD, claim);
    Instant now = TestClock.get().now();
    try (Kafka.Reader events = Kafka.readFromNow(Topics.COUPON_EVENTS)) {
      String eventId = UUID.randomUUID().toString();
      Kafka.publishWithId(eventId, order.orderId(), new OrderPaidV1(order, now), now);
      Kafka.publishWithId(eventId, order.orderId(), new OrderPaidV1(order, now), now); // duplicate delivery
      String resent = Kafka.publish(order.orderId(), new OrderPaidV1(order, now.plusSeconds(1)), now.plusSeconds(1)); // platform re-sends
      awaitProcessed(eventId);
      awaitProcessed(resent);
      var redeemed = events.await(r -> coupon.equals(r.key()) && "coupon.redeemed".equals(Kafka.header(r, "ce_type")), 1, Fixtures.WAIT);
      assertThat(redeemed.get(0).value()).contains("\"discountMinor\":500").contains("\"orderId\":\"" + order.orderId() + "\"");
    }
    assertThat(claimStatus(claim)).isEqualTo("REDEEMED");
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + coupon + "/analytics").then().statusCode(200)
        .body("redemptions", equalTo(1)).body("gmvMinor", equalTo(5000)).body("discountCostMinor", equalTo(500));
  }

  // CPN-10, issue 15: the platform re-sending a refused order (a new event id) stored no second refusal but published a second
  // claim-rejected event
  @Test
  void aRefusedOrderSentAgainPublishesItsRefusalOnce_CPN10() {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    String buyer = uid("buyer");
    String claim = claimId(coupon, buyer);
    OrderSnapshot order = Orders.order(shop, buyer, 1, "Seller Own Courier", claim);
    Instant now = TestClock.get().now();
    String marker = uid("buyer");
    OrderSnapshot markerOrder = Orders.order(shop, marker, 1, "Seller Own Courier", claimId(coupon, marker));
    List<String> rejectedFor = new java.util.ArrayList<>();
    try (Kafka.Reader events = Kafka.readFromNow(Topics.COUPON_EVENTS)) {
      awaitProcessed(Kafka.publish(order.orderId(), new OrderPaidV1(order, now), now));
      awaitProcessed(Kafka.publish(order.orderId(), new OrderPaidV1(order, now), now)); // re-sent: a new event id
      awaitProcessed(Kafka.publish(markerOrder.orderId(), new OrderPaidV1(markerOrder, now), now));
      // the marker's refusal is published after the others on the coupon's partition
      events.await(r -> {
        if (coupon.equals(r.key()) && "coupon.claim-rejected".equals(Kafka.header(r, "ce_type"))) {
          rejectedFor.add(r.value().contains(marker) ? marker : r.value().contains(buyer) ? buyer : "other");
        }
        return coupon.equals(r.key()) && r.value().contains(marker);
      }, 1, Fixtures.WAIT);
    }
    assertThat(rejectedFor).containsExactly(buyer, marker);
    assertThat(Db.count("SELECT count(*) FROM claim_refusal WHERE coupon_id = ?::uuid AND buyer_id = ?", coupon, buyer)).isEqualTo(1);
  }

  // CPN-11
  @Test
  void anOrderOnOtherLogisticsDoesNotRedeemAndTheRefusalIsRecorded_CPN11() {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    String buyer = uid("buyer");
    String claim = claimId(coupon, buyer);
    OrderSnapshot order = Orders.order(shop, buyer, 1, "Seller Own Courier", claim);
    awaitProcessed(Kafka.publish(order.orderId(), new OrderPaidV1(order, TestClock.get().now()), TestClock.get().now()));
    assertThat(claimStatus(claim)).isEqualTo("UNUSED");
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + coupon + "/claims?status=REFUSED").then()
        .body("refusals[0].code", equalTo("ERR_LOGISTICS")).body("refusals[0].stage", equalTo("REDEMPTION"))
        .body("refusals[0].orderId", equalTo(order.orderId()));
  }

  // CPN-13
  @Test
  void anOrderBelowTheMinimumDoesNotRedeem_CPN13() {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.put("minOrderMinor", 100_00);
    String coupon = createCoupon(shop, body);
    String buyer = uid("buyer");
    String claim = claimId(coupon, buyer);
    OrderSnapshot small = Orders.order(shop, buyer, 1, Orders.STANDARD, claim); // 50.00 < 100.00
    awaitProcessed(Kafka.publish(small.orderId(), new OrderPaidV1(small, TestClock.get().now()), TestClock.get().now()));
    assertThat(claimStatus(claim)).isEqualTo("UNUSED");
    OrderSnapshot enough = Orders.order(shop, buyer, 2, Orders.STANDARD, claim); // 100.00
    awaitProcessed(Kafka.publish(enough.orderId(), new OrderPaidV1(enough, TestClock.get().now()), TestClock.get().now()));
    assertThat(claimStatus(claim)).isEqualTo("REDEEMED");
  }

  // CPN-12
  @Test
  void aFirstOrderOnlyCouponRefusesABuyerWhoAlreadyOrderedFromTheSeller_CPN12() {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.put("firstOrderOnly", true);
    String coupon = createCoupon(shop, body);
    String returning = uid("buyer");
    String claim = claimId(coupon, returning);
    OrderSnapshot earlier = Orders.order(shop, returning, 1, Orders.STANDARD);
    awaitProcessed(Kafka.publish(earlier.orderId(), new OrderPaidV1(earlier, TestClock.get().now()), TestClock.get().now()));
    OrderSnapshot second = Orders.order(shop, returning, 1, Orders.STANDARD, claim);
    awaitProcessed(Kafka.publish(second.orderId(), new OrderPaidV1(second, TestClock.get().now()), TestClock.get().now()));
    assertThat(claimStatus(claim)).isEqualTo("UNUSED");
    assertThat(Db.string("SELECT code FROM claim_refusal WHERE order_id = ?", second.orderId())).isEqualTo("ERR_NOT_FIRST_ORDER");
    claim(coupon, uid("buyer"), "US", "10.2.0.2").then().statusCode(201); // a new buyer may claim
    String other = uid("buyer");
    OrderSnapshot otherFirst = Orders.order(shop, other, 1, Orders.STANDARD);
    awaitProcessed(Kafka.publish(otherFirst.orderId(), new OrderPaidV1(otherFirst, TestClock.get().now()), TestClock.get().now()));
    claim(coupon, other, "US", "10.2.0.3").then().statusCode(409).body("code", equalTo("ERR_NOT_FIRST_ORDER"));
  }

  // CPN-13
  @Test
  void aCancelledOrderReturnsTheClaimWhileTheCouponIsValidAndVoidsItAfter_CPN13() {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop); // valid 7 days
    String buyer = uid("buyer");
    String claim = claimId(coupon, buyer);
    OrderSnapshot order = Orders.order(shop, buyer, 1, Orders.STANDARD, claim);
    Instant now = TestClock.get().now();
    awaitProcessed(Kafka.publish(order.orderId(), new OrderPaidV1(order, now), now));
    assertThat(claimStatus(claim)).isEqualTo("REDEEMED");
    awaitProcessed(Kafka.publish(order.orderId(), new OrderCancelledV1(order, now.plusSeconds(60)), now.plusSeconds(60)));
    assertThat(claimStatus(claim)).isEqualTo("UNUSED");
    OrderSnapshot again = Orders.order(shop, buyer, 1, Orders.STANDARD, claim);
    awaitProcessed(Kafka.publish(again.orderId(), new OrderPaidV1(again, now.plusSeconds(120)), now.plusSeconds(120)));
    assertThat(claimStatus(claim)).isEqualTo("REDEEMED");
    Instant afterExpiry = now.plus(Duration.ofDays(8));
    awaitProcessed(Kafka.publish(again.orderId(), new OrderRefundedV1(again, afterExpiry), afterExpiry));
    assertThat(claimStatus(claim)).isEqualTo("VOID");
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + coupon + "/analytics").then().body("redemptions", equalTo(0));
  }
}
