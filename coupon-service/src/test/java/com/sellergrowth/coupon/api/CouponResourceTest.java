package com.sellergrowth.coupon.api;

import static com.sellergrowth.coupon.testsupport.Fixtures.couponBody;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.sellergrowth.testsupport.Db;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import com.sellergrowth.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CouponResourceTest {

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }

  @Test
  void createdCouponIsReadableAndItsEventIsPublishedAsACloudEvent() {
    Shop shop = eligibleShop();
    try (Kafka.Reader reader = Kafka.readFromNow(Topics.COUPON_EVENTS)) {
      String id = createCoupon(shop);
      given().auth().oauth2(shop.token()).get("/v1/coupons/" + id).then().statusCode(200)
          .body("status", equalTo("ACTIVE")).body("logisticsRestricted", equalTo(true)).body("targetCountries", containsInAnyOrder("US", "FR"));
      var records = reader.await(r -> id.equals(r.key()), 1, Fixtures.WAIT);
      assertThat(Kafka.header(records.get(0), "ce_type")).isEqualTo("coupon.created");
      assertThat(Kafka.header(records.get(0), "ce_source")).isEqualTo("urn:sellergrowth:coupon-service-test");
      // V2 carries the pool, so that risk-service can match stock syncs to it (RSK-3)
      assertThat(Kafka.header(records.get(0), "ce_eventversion")).isEqualTo("2");
      assertThat(records.get(0).value()).contains("\"couponId\":\"" + id + "\"").contains("\"poolSpus\":[");
    }
    await().atMost(Fixtures.WAIT).until(() -> Db.count("SELECT count(*) FROM outbox_event") == 0);
  }

  // CPN-5
  @Test
  void creationReportsEveryInvalidFieldInOneAnswer_CPN5() {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.remove("name");
    body.put("minOrderMinor", 9_99); // CPN-1
    body.put("endsAt", TestClock.get().now().plus(Duration.ofDays(100)).toString()); // CPN-2
    body.put("targetCountries", List.of("ZZ"));
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).body(body).post("/v1/coupons")
        .then().statusCode(422).contentType("application/problem+json")
        .body("code", equalTo("ERR_VALIDATION"))
        .body("errors.field", containsInAnyOrder("name", "minOrderMinor", "endsAt", "targetCountries[0]"))
        .body("errors.code", containsInAnyOrder("ERR_REQUIRED", "ERR_MIN_ORDER_TOO_LOW", "ERR_VALIDITY_TOO_LONG", "ERR_UNKNOWN_COUNTRY"));
    assertThat(Db.count("SELECT count(*) FROM coupon WHERE seller_id = ?", shop.sellerId())).isZero();
  }

  // CPN-4
  @Test
  void faceValueAboveHalfOfAPoolProductsPriceIsRefused_CPN4() {
    Shop shop = eligibleShop(); // pool product price: 50.00
    Map<String, Object> body = couponBody(shop);
    body.put("faceValueMinor", 25_01);
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).body(body).post("/v1/coupons")
        .then().statusCode(422).body("errors.code", hasItem("ERR_FACE_VALUE_TOO_HIGH"));
  }

  @Test
  void malformedJsonIsA400ProblemNamingTheField() {
    Shop shop = eligibleShop();
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).body("{\"faceValueMinor\": \"five\"}").post("/v1/coupons")
        .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("ERR_MALFORMED_BODY"))
        .body("errors[0].field", equalTo("faceValueMinor"));
  }

  // CPN-14
  @Test
  void ineligibleSellerIsRefusedWithEachUnmetCondition_CPN14() {
    String seller = Fixtures.uid("seller");
    Fixtures.publishSeller(seller, "INDIVIDUAL", false, true, false);
    await().atMost(Fixtures.WAIT).until(() -> Db.count("SELECT count(*) FROM seller_profile WHERE seller_id = ?", seller) == 1);
    Shop shop = new Shop(seller, "sku", "spu", "cat", Tokens.seller(seller));
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).body(couponBody(shop)).post("/v1/coupons")
        .then().statusCode(403).body("code", equalTo("ERR_SELLER_NOT_ELIGIBLE"))
        .body("errors.code", containsInAnyOrder("ERR_NOT_ENTERPRISE", "ERR_NOT_VERIFIED", "ERR_PAYMENT_ACCOUNT_KYC"));
  }

  // CPN-10
  @Test
  void aSellerNeverSeesNorChangesAnotherSellersCoupon_CPN10() {
    Shop owner = eligibleShop();
    String id = createCoupon(owner);
    String other = Tokens.seller(Fixtures.uid("seller"));
    given().auth().oauth2(other).get("/v1/coupons/" + id).then().statusCode(404).body("code", equalTo("ERR_NOT_FOUND"));
    given().auth().oauth2(other).get("/v1/coupons/" + id + "/claims").then().statusCode(404);
    given().auth().oauth2(other).get("/v1/coupons/" + id + "/analytics").then().statusCode(404);
    given().auth().oauth2(other).contentType(ContentType.JSON).body("{}").post("/v1/coupons/" + id + "/pause").then().statusCode(404);
    given().auth().oauth2(other).contentType(ContentType.JSON).post("/v1/coupons/" + id + "/end").then().statusCode(404);
    given().auth().oauth2(other).get("/v1/coupons").then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(id)));
    given().auth().oauth2(owner.token()).get("/v1/coupons").then().statusCode(200).body("id", hasItem(id));
  }

  @Test
  void withoutAValidTokenTheApiAnswers401AndTheWrongRole403() {
    given().get("/v1/coupons").then().statusCode(401).contentType("application/problem+json").body("code", equalTo("ERR_UNAUTHENTICATED"));
    given().auth().oauth2("not-a-jwt").get("/v1/coupons").then().statusCode(401);
    given().auth().oauth2(Tokens.storefront()).get("/v1/coupons").then().statusCode(403).body("code", equalTo("ERR_FORBIDDEN"));
    given().auth().oauth2(Tokens.seller("s1")).contentType(ContentType.JSON).body("{}")
        .post("/v1/storefront/coupons/" + UUID.randomUUID() + "/claims").then().statusCode(403);
  }

  @Test
  void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneCoupon() {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    String key = UUID.randomUUID().toString();
    String first = given().auth().oauth2(shop.token()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
        .post("/v1/coupons").then().statusCode(201).extract().path("id");
    String second = given().auth().oauth2(shop.token()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
        .post("/v1/coupons").then().statusCode(201).extract().path("id");
    assertThat(second).isEqualTo(first);
    assertThat(Db.count("SELECT count(*) FROM coupon WHERE seller_id = ?", shop.sellerId())).isEqualTo(1);
    body.put("name", "something else");
    given().auth().oauth2(shop.token()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
        .post("/v1/coupons").then().statusCode(422).body("code", equalTo("ERR_IDEMPOTENCY_KEY_REUSED"));
  }

  /** Issue 15: eight concurrent first attempts with one Idempotency-Key were five 500s; now one coupon and eight times its answer. */
  @Test
  void concurrentCreationsWithOneIdempotencyKeyCreateOneCouponAndAllGetIt() {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    String key = UUID.randomUUID().toString();
    List<java.util.concurrent.CompletableFuture<io.restassured.response.Response>> racing = java.util.stream.IntStream.range(0, 8)
        .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> given().auth().oauth2(shop.token())
            .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/v1/coupons"))).toList();
    List<io.restassured.response.Response> answers = racing.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    assertThat(answers).extracting(io.restassured.response.Response::statusCode).containsOnly(201);
    assertThat(answers.stream().map(r -> (String) r.path("id")).distinct().count()).isEqualTo(1);
    assertThat(Db.count("SELECT count(*) FROM coupon WHERE seller_id = ?", shop.sellerId())).isEqualTo(1);
  }

  // CPN-17
  @Test
  void sellerPausesResumesAndEnds_CPN17() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).body("{\"reason\":\"restocking\"}").post("/v1/coupons/" + id + "/pause")
        .then().statusCode(200).body("status", equalTo("PAUSED")).body("pausedBy", equalTo("SELLER")).body("pauseReason", equalTo("restocking"));
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + id + "/resume")
        .then().statusCode(200).body("status", equalTo("ACTIVE"));
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + id + "/end")
        .then().statusCode(200).body("status", equalTo("ENDED"));
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + id + "/end")
        .then().statusCode(200).body("status", equalTo("ENDED")); // retried: same answer
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).body("{}").post("/v1/coupons/" + id + "/pause")
        .then().statusCode(409).body("code", equalTo("ERR_NOT_RUNNING"));
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + id + "/publish")
        .then().statusCode(409).body("code", equalTo("ERR_NOT_A_DRAFT"));
  }

  // CPN-17
  @Test
  void aDraftIsNotClaimableUntilPublishedAndAFutureCouponIsScheduled_CPN17() {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.put("draft", true);
    String id = createCoupon(shop, body);
    Fixtures.claim(id, Fixtures.uid("buyer"), "US", "10.0.0.1").then().statusCode(404);
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + id + "/publish")
        .then().statusCode(200).body("status", equalTo("ACTIVE"));
    // a retried publish is answered the same and changes nothing
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + id + "/publish")
        .then().statusCode(200).body("status", equalTo("ACTIVE"));
    Map<String, Object> later = couponBody(shop);
    later.put("startsAt", TestClock.get().now().plus(Duration.ofDays(1)).toString());
    later.put("endsAt", TestClock.get().now().plus(Duration.ofDays(3)).toString());
    String scheduled = createCoupon(shop, later);
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + scheduled).then().body("status", equalTo("SCHEDULED"));
    Fixtures.claim(scheduled, Fixtures.uid("buyer"), "US", "10.0.0.1").then().statusCode(409).body("code", equalTo("ERR_COUPON_NOT_STARTED"));
  }
}
