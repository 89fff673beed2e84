package com.sellergrowth.gift.messaging;

import static com.sellergrowth.gift.testsupport.Fixtures.approvedGift;
import static com.sellergrowth.gift.testsupport.Fixtures.available;
import static com.sellergrowth.gift.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.gift.testsupport.Fixtures.dispatchOf;
import static com.sellergrowth.gift.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.gift.testsupport.Fixtures.giftOnOffer;
import static com.sellergrowth.gift.testsupport.Fixtures.order;
import static com.sellergrowth.gift.testsupport.Fixtures.outcome;
import static com.sellergrowth.gift.testsupport.Fixtures.paid;
import static com.sellergrowth.gift.testsupport.Fixtures.rule;
import static com.sellergrowth.gift.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.sellergrowth.events.platform.OrderCancelledV1;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderRefundedV1;
import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.gift.domain.Waybills;
import com.sellergrowth.gift.service.DispatchService;
import com.sellergrowth.gift.service.OrderEvent;
import com.sellergrowth.gift.service.OrderService;
import com.sellergrowth.gift.testsupport.Fixtures.Seller;
import com.sellergrowth.gift.testsupport.Fixtures;
import com.sellergrowth.gift.testsupport.Images;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GFT-3..8 from platform.orders to a shipped (or failed) parcel, against the real broker and database, in the test's clock. */
@QuarkusTest
class DispatchFlowTest {
  @Inject
  DispatchService dispatches;

  @Inject
  OrderService orderService;

  @BeforeEach
  void clock() {
    TestClock.get().reset();
  }

  private static JsonPath label(Seller s, String dispatchId, int version, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>(extra);
    body.put("version", version);
    return given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(body).post("/v1/dispatches/" + dispatchId + "/label")
        .then().statusCode(200).extract().jsonPath();
  }

  private static io.restassured.response.Response confirm(Seller s, String dispatchId, int version) {
    return given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("version", version))
        .post("/v1/dispatches/" + dispatchId + "/confirm");
  }

  private static int expireDue() {
    return given().auth().oauth2(Fixtures.OPERATOR).post("/v1/operator/dispatches/expire-due").then().statusCode(200).extract().path("failed");
  }

  // GFT-3
  @Test
  void usd2999GetsNoGiftUsd3000GetsOneDispatchAndTheSameOrderAgainChangesNothing_GFT3() {
    Seller s = eligibleSeller();
    String gift = approvedGift(s, "cat-home", "PLATFORM", 30, 5);
    rule(s, gift, 3_000, 1);
    OrderSnapshot below = order(s, uid("buyer"), "US", 2_999, "cat-any");
    paid(below);
    assertThat(outcome(below.orderId())).isEqualTo("NO_RULE");
    OrderSnapshot exact = order(s, uid("buyer"), "US", 3_000, "cat-any");
    String eventId = paid(exact);
    assertThat(outcome(exact.orderId())).isEqualTo("DISPATCHED");
    assertThat(dispatchOf(s, exact.orderId()).getString("status")).isEqualTo("PENDING");
    assertThat(available(gift)).isEqualTo(4);
    // the same event again, and the same order paid in another event: one dispatch, one unit
    Instant now = TestClock.get().now();
    Kafka.publishWithId(eventId, exact.orderId(), new OrderPaidV1(exact, now), now);
    awaitProcessed(Kafka.publish(exact.orderId(), new OrderPaidV1(exact, now.plusSeconds(1)), now.plusSeconds(1)));
    assertThat(Db.count("SELECT count(*) FROM dispatch WHERE order_id = ?", exact.orderId())).isEqualTo(1);
    assertThat(available(gift)).isEqualTo(4);
    assertThat(Db.count("SELECT count(*) FROM dispatch WHERE order_id = ?", below.orderId())).isZero();
  }

  // GFT-3
  @Test
  void theLowestPriorityNumberAmongTheRulesMetWinsAndAnOrderGetsOneGift_GFT3() {
    Seller s = eligibleSeller();
    String anyGift = approvedGift(s, "cat-home", "PLATFORM", 30, 5);
    String brazilBeauty = approvedGift(s, "cat-beauty", "PLATFORM", 30, 5);
    rule(s, anyGift, 1_000, 2);
    Fixtures.rule(s, Map.of("giftId", brazilBeauty, "thresholdMinor", 1_000, "currency", "USD", "priority", 1, "categories",
        List.of("cat-beauty"), "countries", List.of("BR"))).then().statusCode(201).body("countries", contains("BR"));
    OrderSnapshot brBeauty = order(s, uid("buyer"), "BR", 5_000, "cat-beauty");
    OrderSnapshot usBeauty = order(s, uid("buyer"), "US", 5_000, "cat-beauty");
    OrderSnapshot eur = new OrderSnapshot(uid("order"), uid("buyer"), s.id(), "BR", "EUR", 500_000, brBeauty.lines(), "x", List.of(), null,
        null, null);
    paid(brBeauty);
    paid(usBeauty);
    paid(eur);
    assertThat(dispatchOf(s, brBeauty.orderId()).getString("giftId")).isEqualTo(brazilBeauty);
    assertThat(dispatchOf(s, usBeauty.orderId()).getString("giftId")).isEqualTo(anyGift);
    assertThat(outcome(eur.orderId())).isEqualTo("NO_RULE"); // no exchange rates are guessed
    assertThat(Db.count("SELECT count(*) FROM dispatch WHERE order_id IN (?, ?)", brBeauty.orderId(), usBeauty.orderId())).isEqualTo(2);
  }

  // GFT-4
  @Test
  void oneUnitAndTwoConcurrentQualifyingOrdersGiveOneDispatchAndOneErrGiftStock_GFT4() {
    Seller s = eligibleSeller();
    String gift = giftOnOffer(s, 1);
    Instant now = TestClock.get().now();
    List<OrderSnapshot> orders = List.of(order(s, uid("buyer"), "US", 5_000, "c"), order(s, uid("buyer"), "US", 5_000, "c"));
    List<CompletableFuture<String>> published = orders.stream()
        .map(o -> CompletableFuture.supplyAsync(() -> Kafka.publish(o.orderId(), new OrderPaidV1(o, now), now))).toList();
    published.forEach(p -> awaitProcessed(p.join()));
    List<String> outcomes = orders.stream().map(o -> outcome(o.orderId())).toList();
    assertThat(outcomes).containsExactlyInAnyOrder("DISPATCHED", "ERR_GIFT_STOCK");
    assertThat(Db.count("SELECT count(*) FROM dispatch WHERE seller_id = ? AND status = 'PENDING'", s.id())).isEqualTo(1);
    assertThat(Db.count("SELECT count(*) FROM dispatch WHERE seller_id = ? AND status = 'FAILED' AND failure_code = 'ERR_GIFT_STOCK'", s.id()))
        .isEqualTo(1);
    assertThat(available(gift)).isZero();
    assertThat(Db.count("SELECT count(*) FROM gift_stock WHERE on_hand < reserved OR reserved < 0")).isZero();
  }

  // GFT-6
  @Test
  void cashOnDeliveryCountriesGetNoGiftAndNoRuleMayNameThem_GFT6() {
    Seller s = eligibleSeller();
    String gift = giftOnOffer(s, 5);
    OrderSnapshot egypt = order(s, uid("buyer"), "EG", 5_000, "c");
    paid(egypt);
    assertThat(outcome(egypt.orderId())).isEqualTo("ERR_COD_COUNTRY");
    assertThat(Db.count("SELECT count(*) FROM dispatch WHERE order_id = ?", egypt.orderId())).isZero();
    assertThat(available(gift)).isEqualTo(5);
    Fixtures.rule(s, Map.of("giftId", gift, "thresholdMinor", 1_000, "currency", "USD", "priority", 1, "countries", List.of("PK", "BR")))
        .then().statusCode(422).body("errors.code", contains("ERR_COD_COUNTRY"));
    given().auth().oauth2(s.token()).get("/v1/gift-fees/quote?country=EG&weightGrams=10").then().statusCode(422)
        .body("code", equalTo("ERR_COD_COUNTRY"));
  }

  // GFT-7
  @Test
  void aLabelledDispatchHasAnSgWaybillItsFeeAndAScannablePdfThenShips_GFT5_GFT7() throws Exception {
    Seller s = eligibleSeller();
    String gift = approvedGift(s, "cat-beauty", "PLATFORM", 60, 2);
    rule(s, gift, 1_000, 1);
    OrderSnapshot o = order(s, uid("buyer"), "BR", 5_000, "c");
    paid(o);
    JsonPath d = dispatchOf(s, o.orderId());
    String id = d.getString("id");
    given().auth().oauth2(s.token()).get("/v1/dispatches/" + id + "/label.pdf").then().statusCode(409).body("code", equalTo("ERR_NOT_LABELLED"));
    JsonPath labelled = label(s, id, 1, Map.of());
    assertThat(labelled.getString("status")).isEqualTo("LABELLED");
    String waybill = labelled.getString("waybill");
    assertThat(waybill).startsWith("SG");
    assertThat(Waybills.isValid(waybill)).isTrue();
    // Brazil (emerging 2.60) + over 50 g (0.80) + no NFe (1.50) = 4.90 CNY
    assertThat(labelled.getLong("feeMinor")).isEqualTo(490);
    assertThat(labelled.getString("feeCurrency")).isEqualTo("CNY");
    assertThat(labelled.getList("feeLines.code")).containsExactly("BASE", "OVERWEIGHT", "NO_NFE");
    byte[] pdf = given().auth().oauth2(s.token()).get("/v1/dispatches/" + id + "/label.pdf").then().statusCode(200)
        .contentType("application/pdf").extract().asByteArray();
    assertThat(Images.pdfText(pdf)).contains(waybill).contains("Order: " + o.orderId());
    assertThat(Images.decodeBarcode(pdf)).isEqualTo(waybill);
    given().auth().oauth2(eligibleSeller().token()).get("/v1/dispatches/" + id + "/label.pdf").then().statusCode(404);
    try (Kafka.Reader r = Kafka.readFromNow("gift.events")) {
      confirm(s, id, 1).then().statusCode(409).body("code", equalTo("ERR_CONCURRENT_UPDATE"));
      confirm(s, id, 2).then().statusCode(200).body("status", equalTo("SHIPPED"));
      r.await(rec -> rec.value().contains(id) && "gift.shipped".equals(Kafka.header(rec, "ce_type")) && rec.value().contains(waybill), 1,
          Duration.ofSeconds(20));
    }
    assertThat(Db.count("SELECT on_hand FROM gift_stock WHERE gift_id = ?::uuid", gift)).isEqualTo(1);
    assertThat(available(gift)).isEqualTo(1);
    // with an NFe number the Brazilian surcharge goes
    OrderSnapshot o2 = order(s, uid("buyer"), "BR", 5_000, "c");
    paid(o2);
    JsonPath second = label(s, dispatchOf(s, o2.orderId()).getString("id"), 1, Map.of("nfeNumber", "3".repeat(44)));
    assertThat(second.getLong("feeMinor")).isEqualTo(340);
  }

  // GFT-7
  @Test
  void unregisteredOwnPackagingFailsWithErr407AndMissingDestinationDocumentsWithErr211_GFT7() {
    Seller s = eligibleSeller();
    String gift0 = giftOnOffer(s, 3);
    OrderSnapshot o = order(s, uid("buyer"), "US", 5_000, "c");
    paid(o);
    // the seller packs this parcel in packaging of its own that was never registered: the platform refuses to send it
    JsonPath failed = label(s, dispatchOf(s, o.orderId()).getString("id"), 1, Map.of("packaging", "OWN"));
    assertThat(failed.getString("status")).isEqualTo("FAILED");
    assertThat(failed.getString("failureCode")).isEqualTo("ERR-407");
    assertThat(failed.getString("waybill")).isNull();
    assertThat(failed.getString("labelUrl")).isNull();
    assertThat(available(gift0)).isEqualTo(3); // the unit went back
    OrderSnapshot registered = order(s, uid("buyer"), "US", 5_000, "c");
    paid(registered);
    assertThat(label(s, dispatchOf(s, registered.orderId()).getString("id"), 1, Map.of("packaging", "OWN", "packagingRegistration",
        "PKG-2026-7")).getString("status")).isEqualTo("LABELLED");

    Seller t = eligibleSeller();
    String gift = giftOnOffer(t, 3);
    OrderSnapshot ru = order(t, uid("buyer"), "RU", 5_000, "c");
    paid(ru);
    JsonPath ruDispatch = dispatchOf(t, ru.orderId());
    assertThat(ruDispatch.getList("requiredDocuments")).containsExactly("EAC"); // the seller is told before labelling
    assertThat(label(t, ruDispatch.getString("id"), 1, Map.of("documents", List.of("CMR"))).getString("failureCode")).isEqualTo("ERR-211");
    OrderSnapshot ru2 = order(t, uid("buyer"), "RU", 5_000, "c");
    paid(ru2);
    JsonPath ok = label(t, dispatchOf(t, ru2.orderId()).getString("id"), 1, Map.of("documents", List.of("eac")));
    assertThat(ok.getString("status")).isEqualTo("LABELLED");
    assertThat(ok.getLong("feeMinor")).isEqualTo(380); // long tail
  }

  // GFT-8
  @Test
  void aDispatchNotConfirmedWithin48HoursIsFailedAndItsUnitReturns_GFT8() {
    Seller s = eligibleSeller();
    String gift = giftOnOffer(s, 2);
    OrderSnapshot a = order(s, uid("buyer"), "US", 5_000, "c");
    OrderSnapshot b = order(s, uid("buyer"), "US", 5_000, "c");
    paid(a);
    paid(b);
    String da = dispatchOf(s, a.orderId()).getString("id");
    String db = dispatchOf(s, b.orderId()).getString("id");
    label(s, da, 1, Map.of());
    label(s, db, 1, Map.of());
    TestClock.get().advance(Duration.ofHours(48)); // exactly 48:00: still in time
    expireDue();
    given().auth().oauth2(s.token()).get("/v1/dispatches/" + db).then().body("status", equalTo("LABELLED"));
    confirm(s, da, 2).then().statusCode(200).body("status", equalTo("SHIPPED"));
    TestClock.get().advance(Duration.ofSeconds(1)); // 48:00:01
    confirm(s, db, 2).then().statusCode(409).body("code", equalTo("ERR_CONFIRM_WINDOW_CLOSED"));
    try (Kafka.Reader r = Kafka.readFromNow("gift.events")) {
      assertThat(expireDue()).isGreaterThanOrEqualTo(1); // this one, and any other test's left open at the same clock
      r.await(rec -> rec.value().contains(db) && rec.value().contains("NOT_CONFIRMED_48H"), 1, Duration.ofSeconds(20));
    }
    given().auth().oauth2(s.token()).get("/v1/dispatches/" + db).then().body("status", equalTo("FAILED"))
        .body("failureCode", equalTo("NOT_CONFIRMED_48H"));
    assertThat(available(gift)).isEqualTo(1); // one shipped, one back on the shelf
    expireDue();
    given().auth().oauth2(s.token()).get("/v1/dispatches/" + da).then().body("status", equalTo("SHIPPED"));
    assertThat(available(gift)).isEqualTo(1); // the unit came back once
  }

  /**
   * The seller confirms at 48:00 by one clock while the job, on another instance a millisecond later, sees the same dispatches
   * overdue: both are entitled by their own clocks, and the row decides: each dispatch ends SHIPPED or FAILED, never both, and
   * every unit is counted once.
   */
  // GFT-8
  @Test
  void aConfirmationRacingTheExpiryEndsInExactlyOneOfTheTwo_GFT8() {
    Seller s = eligibleSeller();
    String gift = giftOnOffer(s, 10);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      OrderSnapshot o = order(s, uid("buyer"), "US", 5_000, "c");
      paid(o);
      String id = dispatchOf(s, o.orderId()).getString("id");
      label(s, id, 1, Map.of());
      ids.add(id);
    }
    TestClock.get().advance(Duration.ofHours(48));
    Instant jobClock = TestClock.get().now().plusMillis(1);
    CompletableFuture<Integer> expiry = CompletableFuture.supplyAsync(() -> dispatches.expireDue(jobClock).await().atMost(Duration.ofSeconds(30)));
    List<CompletableFuture<Integer>> confirms = ids.stream().map(id -> CompletableFuture.supplyAsync(() -> confirm(s, id, 2).statusCode())).toList();
    List<Integer> statuses = confirms.stream().map(CompletableFuture::join).toList();
    expiry.join();
    dispatches.expireDue(jobClock).await().atMost(Duration.ofSeconds(30)); // whatever the first pass left (none, or others' rows)
    long failed = Db.count("SELECT count(*) FROM dispatch WHERE seller_id = ? AND status = 'FAILED' AND failure_code = 'NOT_CONFIRMED_48H'",
        s.id());
    long shipped = statuses.stream().filter(c -> c == 200).count();
    assertThat(statuses).allMatch(c -> c == 200 || c == 409);
    assertThat(shipped + failed).isEqualTo(6);
    assertThat(Db.count("SELECT count(*) FROM dispatch WHERE seller_id = ? AND status = 'SHIPPED'", s.id())).isEqualTo(shipped);
    assertThat(statuses.stream().filter(c -> c == 409).count()).isEqualTo(failed);
    // every unit counted once: shipped ones left the warehouse, failed ones came back
    assertThat(Db.count("SELECT on_hand FROM gift_stock WHERE gift_id = ?::uuid", gift)).isEqualTo(10 - shipped);
    assertThat(Db.count("SELECT reserved FROM gift_stock WHERE gift_id = ?::uuid", gift)).isZero();
  }

  // GFT-3
  @Test
  void aCancellationBeforeShipmentCancelsTheDispatchAndARefundAfterShipmentChangesNothing_GFT3() {
    Seller s = eligibleSeller();
    String gift = giftOnOffer(s, 3);
    OrderSnapshot cancelled = order(s, uid("buyer"), "US", 5_000, "c");
    paid(cancelled);
    assertThat(available(gift)).isEqualTo(2);
    String labelled = dispatchOf(s, cancelled.orderId()).getString("id");
    label(s, labelled, 1, Map.of());
    Instant now = TestClock.get().now();
    awaitProcessed(Kafka.publish(cancelled.orderId(), new OrderCancelledV1(cancelled, now.plusSeconds(60)), now.plusSeconds(60)));
    given().auth().oauth2(s.token()).get("/v1/dispatches/" + labelled).then().body("status", equalTo("CANCELLED"))
        .body("labelUrl", org.hamcrest.Matchers.nullValue());
    given().auth().oauth2(s.token()).get("/v1/dispatches/" + labelled + "/label.pdf").then().statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("void"));
    assertThat(available(gift)).isEqualTo(3);

    OrderSnapshot shippedThenRefunded = order(s, uid("buyer"), "US", 5_000, "c");
    paid(shippedThenRefunded);
    String id = dispatchOf(s, shippedThenRefunded.orderId()).getString("id");
    label(s, id, 1, Map.of());
    confirm(s, id, 2).then().statusCode(200);
    awaitProcessed(Kafka.publish(shippedThenRefunded.orderId(), new OrderRefundedV1(shippedThenRefunded, now.plusSeconds(90)),
        now.plusSeconds(90)));
    given().auth().oauth2(s.token()).get("/v1/dispatches/" + id).then().body("status", equalTo("SHIPPED"));
    assertThat(Db.count("SELECT on_hand FROM gift_stock WHERE gift_id = ?::uuid", gift)).isEqualTo(2);
  }

  private static OrderEvent paidEvent(OrderSnapshot o) {
    return new OrderEvent(UUID.randomUUID().toString(), OrderEvent.Kind.PAID, o, TestClock.get().now());
  }

  /** Two batches in two transactions at once (two consumer instances on two partitions) race for the last unit. */
  // GFT-4
  @Test
  void twoBatchesRacingForTheLastUnitGiveOneDispatchAndOneErrGiftStock_GFT4() {
    Seller s = eligibleSeller();
    String gift = giftOnOffer(s, 1);
    for (int round = 0; round < 3; round++) {
      List<OrderSnapshot> orders = List.of(order(s, uid("buyer"), "US", 5_000, "c"), order(s, uid("buyer"), "US", 5_000, "c"));
      List<CompletableFuture<OrderService.Applied>> racing = orders.stream()
          .map(o -> CompletableFuture.supplyAsync(() -> orderService.apply(List.of(paidEvent(o))).await().atMost(Duration.ofSeconds(30)))).toList();
      racing.forEach(CompletableFuture::join);
      List<String> outcomes = orders.stream().map(o -> outcome(o.orderId())).toList();
      if (round == 0) {
        assertThat(outcomes).containsExactlyInAnyOrder("DISPATCHED", "ERR_GIFT_STOCK");
      } else {
        assertThat(outcomes).containsOnly("ERR_GIFT_STOCK");
      }
    }
    assertThat(available(gift)).isZero();
    assertThat(Db.count("SELECT reserved FROM gift_stock WHERE gift_id = ?::uuid", gift)).isEqualTo(1);
  }

  /** A batch with a cancellation and a payment: the cancelled order's unit goes to the paid one (no spurious failure). */
  // GFT-4
  @Test
  void aUnitReturnedByACancellationGoesToAnOrderPaidLaterInTheSameBatch_GFT4() {
    Seller s = eligibleSeller();
    String gift = giftOnOffer(s, 1);
    OrderSnapshot first = order(s, uid("buyer"), "US", 5_000, "c");
    paid(first);
    assertThat(available(gift)).isZero();
    OrderSnapshot second = order(s, uid("buyer"), "US", 5_000, "c");
    Instant now = TestClock.get().now();
    // the payment comes first in the batch: cancellations are applied first anyway
    orderService.apply(List.of(paidEvent(second), new OrderEvent(UUID.randomUUID().toString(), OrderEvent.Kind.CANCELLED, first,
        now.plusSeconds(30)))).await().atMost(Duration.ofSeconds(30));
    assertThat(outcome(second.orderId())).isEqualTo("DISPATCHED");
    given().auth().oauth2(s.token()).get("/v1/dispatches/" + dispatchOf(s, first.orderId()).getString("id")).then()
        .body("status", equalTo("CANCELLED"));
    assertThat(available(gift)).isZero();
    assertThat(Db.count("SELECT reserved FROM gift_stock WHERE gift_id = ?::uuid", gift)).isEqualTo(1);
  }

  /** GFT-1 holds after enrolment: a seller whose profile falls below a bar gets no more gifts dispatched. */
  // GFT-1
  @Test
  void aSellerWhoNoLongerMeetsGft1GetsNoDispatch_GFT1() {
    Seller s = eligibleSeller();
    String gift = giftOnOffer(s, 5);
    TestClock.get().advance(Duration.ofMinutes(1));
    Instant now = TestClock.get().now();
    awaitProcessed(Kafka.publish(s.id(), new SellerProfileUpdatedV1(s.id(), "ENTERPRISE", true, true, true, 3, 9_500, 90, false, List.of(), now),
        now));
    OrderSnapshot o = order(s, uid("buyer"), "US", 5_000, "c");
    paid(o);
    assertThat(outcome(o.orderId())).isEqualTo("NOT_ELIGIBLE");
    assertThat(available(gift)).isEqualTo(5);
    Fixtures.transfer(s, gift, uid("t"), 1).then().statusCode(403).body("errors.code", contains("GFT_DISPUTE_RATE"));
  }

  // GFT-8
  @Test
  void aConfirmationAfterTheJobFailedTheDispatchSaysSoAndWhy_GFT8() {
    Seller s = eligibleSeller();
    giftOnOffer(s, 2);
    OrderSnapshot o = order(s, uid("buyer"), "US", 5_000, "c");
    paid(o);
    String id = dispatchOf(s, o.orderId()).getString("id");
    label(s, id, 1, Map.of());
    TestClock.get().advance(Duration.ofHours(49));
    expireDue();
    // the seller still holds version 2: the answer is the state and its code, not "read it again and retry"
    confirm(s, id, 2).then().statusCode(409).body("code", equalTo("ERR_DISPATCH_STATE"))
        .body("detail", org.hamcrest.Matchers.containsString("FAILED (NOT_CONFIRMED_48H)"));
  }

  // GFT-7
  @Test
  void theGiftsRegisteredOwnPackagingHoldsAtLabellingUnlessTheSellerSaysOtherwise_GFT7() {
    Seller s = eligibleSeller();
    Map<String, Object> body = Fixtures.giftBody("cat-home", "OWN", 30);
    body.put("packagingRegistration", "PKG-2026-7");
    String gift = Fixtures.create(s, body).then().statusCode(201).extract().path("id");
    Fixtures.photo(s, gift, "PACKAGE_FRONT", com.sellergrowth.gift.testsupport.Images.image("png", 640, 480), "f.png").then().statusCode(201);
    Fixtures.submit(s, gift, 1).then().statusCode(200).body("status", equalTo("IN_REVIEW"));
    Fixtures.decide(gift, "approve", Map.of("version", 2)).then().statusCode(200);
    Fixtures.transfer(s, gift, uid("t"), 5).then().statusCode(201);
    rule(s, gift, 1_000, 1);
    List<String> statuses = new ArrayList<>();
    for (Map<String, Object> extra : List.<Map<String, Object>>of(Map.of(), Map.of("packaging", "OWN"), Map.of("packaging", "PLATFORM"))) {
      OrderSnapshot o = order(s, uid("buyer"), "US", 5_000, "c");
      paid(o);
      statuses.add(label(s, dispatchOf(s, o.orderId()).getString("id"), 1, extra).getString("status"));
    }
    assertThat(statuses).containsOnly("LABELLED");
    assertThat(Db.count("SELECT count(*) FROM dispatch WHERE seller_id = ? AND packaging = 'OWN' AND packaging_registration = 'PKG-2026-7'",
        s.id())).isEqualTo(2);
  }

  // GFT-3
  @Test
  void theOrderAsPaidIsTheOneDecidedOnAndKept_GFT3() {
    Seller s = eligibleSeller();
    giftOnOffer(s, 2);
    OrderSnapshot placed = order(s, uid("buyer"), "US", 500, "c"); // 5.00 USD in the cart: under the 10.00 threshold
    OrderSnapshot paidAs = new OrderSnapshot(placed.orderId(), placed.buyerId(), s.id(), "US", "USD", 1_500, placed.lines(),
        placed.logisticsService(), List.of(), null, null, null);
    Instant now = TestClock.get().now();
    awaitProcessed(Kafka.publish(placed.orderId(), new com.sellergrowth.events.platform.OrderPlacedV1(placed, now), now));
    paid(paidAs);
    assertThat(outcome(placed.orderId())).isEqualTo("DISPATCHED");
    assertThat(Db.count("SELECT amount_minor FROM order_fact WHERE order_id = ?", placed.orderId())).isEqualTo(1_500);
  }

  // GFT-3
  @Test
  void aRuleInACurrencyThatDoesNotExistIsRefused_GFT3() {
    Seller s = eligibleSeller();
    String gift = approvedGift(s, "cat-home", "PLATFORM", 30, 0);
    Fixtures.rule(s, Map.of("giftId", gift, "thresholdMinor", 1_000, "currency", "XYZ", "priority", 1)).then().statusCode(422)
        .body("errors.code", contains("ERR_CURRENCY"));
  }

  // GFT-4
  @Test
  void aRetriedTransferAnswersAsBeforeEvenAfterTheSellerFellBelowGft1ButNewRulesAndTransfersAreRefused_GFT1_GFT4() {
    Seller s = eligibleSeller();
    String gift = approvedGift(s, "cat-home", "PLATFORM", 30, 0);
    Fixtures.transfer(s, gift, "t-retry", 4).then().statusCode(201);
    TestClock.get().advance(Duration.ofMinutes(1));
    Instant now = TestClock.get().now();
    awaitProcessed(Kafka.publish(s.id(), new SellerProfileUpdatedV1(s.id(), "ENTERPRISE", true, true, true, 2, 9_500, 50, false, List.of(), now),
        now));
    Fixtures.transfer(s, gift, "t-retry", 4).then().statusCode(200).body("applied", equalTo(false)).body("stock.onHand", equalTo(4));
    Fixtures.transfer(s, gift, "t-new", 4).then().statusCode(403).body("errors.code", contains("GFT_STORE_LEVEL"));
    rule(s, Map.of("giftId", gift, "thresholdMinor", 1_000, "currency", "USD", "priority", 1)).then().statusCode(403);
    assertThat(Db.count("SELECT on_hand FROM gift_stock WHERE gift_id = ?::uuid", gift)).isEqualTo(4);
  }
}
