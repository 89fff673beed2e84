package com.sellergrowth.coupon.api;

import static com.sellergrowth.coupon.testsupport.Fixtures.claim;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.coupon.testsupport.GeoIpDatabase;
import com.sellergrowth.events.platform.DisputeClosedV1;
import com.sellergrowth.events.platform.DisputeEscalatedV1;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@io.quarkus.test.common.QuarkusTestResource(GeoIpDatabase.class) // for every test of the module: one application start
class ClaimRulesTest {
  static final Instant BASE = TestClock.BASE;

  /** A fresh buyer address, so that retries in await loops never meet the per-address rate limit. */
  static String anyIp() {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    return "10." + r.nextInt(100, 250) + "." + r.nextInt(0, 250) + "." + r.nextInt(1, 250);
  }

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }

  // CPN-10
  @Test
  void aClaimIsIssuedAndListedInClaimDetails_CPN10() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    String buyer = uid("buyer");
    String claimId = claim(id, buyer, "US", "10.0.0.1").then().statusCode(201)
        .body("status", equalTo("UNUSED")).body("faceValueMinor", equalTo(500)).extract().path("id");
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + id + "/claims?status=UNUSED").then().statusCode(200)
        .body("claims.id", hasItem(claimId)).body("claims[0].buyerId", equalTo(buyer));
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + id + "/claims?status=REDEEMED").then().body("claims", hasSize(0));
  }

  // CPN-7
  @Test
  void aBuyerFromOutsideTheTargetCountriesIsRefusedAndTheRefusalIsRecorded_CPN7() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    claim(id, uid("buyer"), "DE", "10.0.0.2").then().statusCode(409).contentType("application/problem+json")
        .body("code", equalTo("ERR_COUPON_REGION"))
        .body("publicCode", equalTo("ERR_COUPON_UNAVAILABLE"));
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + id + "/claims?status=REFUSED").then().statusCode(200)
        .body("refusals[0].code", equalTo("ERR_COUPON_REGION")).body("refusals[0].buyerCountry", equalTo("DE")).body("claims", hasSize(0));
  }

  @Test
  void anUnknownCouponLooksTheSameToABuyerAsOneOfAnotherRegion() {
    claim(UUID.randomUUID().toString(), uid("buyer"), "US", "10.0.0.3").then().statusCode(404)
        .body("publicCode", equalTo("ERR_COUPON_UNAVAILABLE")).body("publicMessage", equalTo("This coupon is not available."));
  }

  // CPN-8
  @Test
  void zeroStockOrDelistedPoolRefusesClaims_CPN8() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    Instant now = TestClock.get().now();
    Fixtures.publishStock(shop, shop.sku(), 0, true, now.minusSeconds(30), now);
    await().atMost(Fixtures.WAIT).until(() -> Db.count("SELECT quantity FROM sku_stock WHERE sku = ?", shop.sku()) == 0);
    claim(id, uid("buyer"), "US", "10.0.0.4").then().statusCode(409).body("code", equalTo("ERR_STOCK_SYNC_FAIL"));
    Fixtures.publishStock(shop, shop.sku(), 10, false, now.minusSeconds(20), now);
    await().atMost(Fixtures.WAIT).until(() -> Db.count("SELECT quantity FROM sku_stock WHERE sku = ?", shop.sku()) == 10);
    claim(id, uid("buyer"), "US", "10.0.0.4").then().statusCode(409).body("code", equalTo("ERR_STOCK_SYNC_FAIL"));
    Fixtures.publishStock(shop, shop.sku(), 10, true, now.minusSeconds(10), now);
    await().atMost(Fixtures.WAIT).until(() -> Db.string("SELECT listed::text FROM sku_stock WHERE sku = ?", shop.sku()).equals("true"));
    claim(id, uid("buyer"), "US", "10.0.0.4").then().statusCode(201);
  }

  // CPN-8
  @Test
  void aLateSyncBlocksClaimsUntilATimelySyncArrives_CPN8() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    Instant now = TestClock.get().now();
    // a newer observation (the fixture's was 60 s ago) arriving 3 min 1 s after it was made: late
    Fixtures.publishStock(shop, shop.sku(), 50, true, now.minusSeconds(59), now.plusSeconds(122));
    await().atMost(Fixtures.WAIT).until(() -> "true".equals(Db.string("SELECT late::text FROM sku_stock WHERE sku = ?", shop.sku())));
    claim(id, uid("buyer"), "US", "10.0.0.5").then().statusCode(409).body("code", equalTo("ERR_STOCK_SYNC_FAIL"));
    // a newer one arriving exactly 3 min after it was made: timely
    Fixtures.publishStock(shop, shop.sku(), 50, true, now.minusSeconds(58), now.plusSeconds(122));
    await().atMost(Fixtures.WAIT).until(() -> "false".equals(Db.string("SELECT late::text FROM sku_stock WHERE sku = ?", shop.sku())));
    claim(id, uid("buyer"), "US", "10.0.0.5").then().statusCode(201);
    // an older observation arriving afterwards changes nothing
    String stale = Fixtures.publishStock(shop, shop.sku(), 0, false, now.minusSeconds(100), now.plusSeconds(500));
    await().atMost(Fixtures.WAIT).until(() -> Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", stale) == 1);
    org.assertj.core.api.Assertions.assertThat(Db.count("SELECT quantity FROM sku_stock WHERE sku = ?", shop.sku())).isEqualTo(50);
    claim(id, uid("buyer"), "US", "10.0.0.5").then().statusCode(201);
  }

  // CPN-8
  @Test
  void noSyncWithinFifteenPlusThreeMinutesBlocksClaims_CPN8() {
    Shop shop = eligibleShop(); // synced at BASE
    String id = createCoupon(shop);
    TestClock.get().advance(Duration.ofMinutes(18));
    claim(id, uid("buyer"), "US", "10.0.0.6").then().statusCode(201);
    TestClock.get().advance(Duration.ofSeconds(1));
    claim(id, uid("buyer"), "US", "10.0.0.6").then().statusCode(409).body("code", equalTo("ERR_STOCK_SYNC_FAIL"));
    Instant now = TestClock.get().now();
    Fixtures.publishStock(shop, shop.sku(), 50, true, now.minusSeconds(5), now);
    await().atMost(Fixtures.WAIT).until(() -> claim(id, uid("buyer"), "US", anyIp()).statusCode() == 201);
  }

  // CPN-9
  @Test
  void twoArbitrationsInThirtyDaysBarABuyerUntilTheyAge_CPN9() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    String buyer = uid("buyer");
    Instant now = TestClock.get().now();
    Kafka.publish(buyer, new DisputeEscalatedV1(uid("d"), buyer, shop.sellerId(), uid("o"), now.minus(Duration.ofDays(29))), now);
    Kafka.publish(buyer, new DisputeEscalatedV1(uid("d"), buyer, shop.sellerId(), uid("o"), now.minus(Duration.ofDays(2))), now);
    await().atMost(Fixtures.WAIT).until(() -> Db.count("SELECT count(*) FROM buyer_arbitration WHERE buyer_id = ?", buyer) == 2);
    claim(id, buyer, "US", "10.0.0.7").then().statusCode(409).body("code", equalTo("ERR_BUYER_DISPUTES"))
        .body("publicCode", equalTo("ERR_NOT_ELIGIBLE"));
    TestClock.get().advance(Duration.ofDays(1).plusSeconds(1)); // the older one is now 30 days + 1 s old
    Fixtures.publishStock(shop, shop.sku(), 50, true, TestClock.get().now().minusSeconds(5), TestClock.get().now());
    await().atMost(Fixtures.WAIT).until(() -> claim(id, buyer, "US", anyIp()).statusCode() == 201);
  }

  // CPN-9, issue 15: platform.dispute-closed was ignored, so a closed dispute kept counting as "in arbitration"; a close may
  // also arrive before its escalation, and the dispute then never counts
  @Test
  void aClosedDisputeNoLongerCountsEvenWhenTheCloseArrivesFirst_CPN9() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    String buyer = uid("buyer");
    Instant now = TestClock.get().now();
    String first = uid("d");
    String second = uid("d");
    String third = uid("d");
    Kafka.publish(buyer, new DisputeEscalatedV1(first, buyer, shop.sellerId(), uid("o"), now.minus(Duration.ofDays(3))), now);
    Kafka.publish(buyer, new DisputeEscalatedV1(second, buyer, shop.sellerId(), uid("o"), now.minus(Duration.ofDays(2))), now);
    await().atMost(Fixtures.WAIT).until(() -> Db.count("SELECT count(*) FROM buyer_arbitration WHERE buyer_id = ?", buyer) == 2);
    claim(id, buyer, "US", "10.0.0.31").then().statusCode(409).body("code", equalTo("ERR_BUYER_DISPUTES"));

    Fixtures.awaitProcessed(Kafka.publish(buyer, new DisputeClosedV1(first, buyer, shop.sellerId(), "SELLER_FAVOURED",
        now.minus(Duration.ofDays(1))), now));
    // the third closes before its escalation is heard of: it must not count when the escalation comes
    Fixtures.awaitProcessed(Kafka.publish(buyer, new DisputeClosedV1(third, buyer, shop.sellerId(), "WITHDRAWN", now.minusSeconds(60)), now));
    Fixtures.awaitProcessed(Kafka.publish(buyer, new DisputeEscalatedV1(third, buyer, shop.sellerId(), uid("o"), now.minusSeconds(120)), now));

    claim(id, buyer, "US", "10.0.0.32").then().statusCode(201);
  }

  // CPN-7, issue 15: the declared country decided; the claim's address decides now (the seed's Polish address on a coupon
  // for other countries), and the declared one counts only when the address gives none
  @Test
  void theClaimsAddressDecidesTheBuyersCountryAndTheDeclaredOneOnlyWhenItGivesNone_CPN7() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop); // for US and FR
    String polish = uid("buyer");
    claim(id, polish, "US", GeoIpDatabase.POLISH_ADDRESS).then().statusCode(409).body("code", equalTo("ERR_COUPON_REGION"));
    assertThat(Db.string("SELECT buyer_country FROM claim_refusal WHERE coupon_id = ?::uuid AND buyer_id = ?", id, polish)).isEqualTo("PL");
    String unknownAddress = uid("buyer");
    claim(id, unknownAddress, "FR", "10.0.0.41").then().statusCode(201);
    assertThat(Db.string("SELECT buyer_country FROM coupon_claim WHERE coupon_id = ?::uuid AND buyer_id = ?", id, unknownAddress))
        .isEqualTo("FR");
  }

  // Issue 15 input 3: a NUL character in a claim's buyerId was a 500; now every bad field is named, and nothing is stored
  @Test
  void controlCharactersAndNonAddressesAreRefusedFieldByFieldAndNothingIsStored() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    given().auth().oauth2(Tokens.storefront()).contentType(ContentType.JSON)
        .body(Map.of("buyerId", "b\u0000x", "buyerCountry", "US", "ip", "10.0.0.1\u0000", "deviceId", "d".repeat(129)))
        .post("/v1/storefront/coupons/" + id + "/claims").then().statusCode(422).contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.contains("buyerId", "ip", "deviceId"))
        .body("errors.code", org.hamcrest.Matchers.contains("ERR_CONTROL_CHARACTER", "ERR_NOT_AN_ADDRESS", "ERR_OUT_OF_RANGE"));
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?::uuid", id)).isZero();
    assertThat(Db.count("SELECT count(*) FROM claim_refusal WHERE coupon_id = ?::uuid", id)).isZero();
  }

  // CPN-2
  @Test
  void anExpiredCouponRefusesClaims_CPN2() {
    Shop shop = eligibleShop();
    Map<String, Object> body = Fixtures.couponBody(shop);
    body.put("startsAt", BASE.minus(Duration.ofHours(1)).toString());
    body.put("endsAt", BASE.plus(Duration.ofDays(1)).minus(Duration.ofHours(1)).toString());
    String id = createCoupon(shop, body);
    TestClock.get().advance(Duration.ofHours(23));
    claim(id, uid("buyer"), "US", "10.0.0.8").then().statusCode(409).body("code", equalTo("ERR_COUPON_EXPIRED"));
  }

  @Test
  void aClaimWithoutBuyerIdentityOrStorefrontTokenIsRefused() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    given().auth().oauth2(Tokens.storefront()).contentType(ContentType.JSON).body("{\"buyerCountry\":\"US\"}")
        .post("/v1/storefront/coupons/" + id + "/claims").then().statusCode(422).body("errors[0].field", equalTo("buyerId"));
    given().contentType(ContentType.JSON).body("{\"buyerId\":\"b\",\"buyerCountry\":\"US\"}")
        .post("/v1/storefront/coupons/" + id + "/claims").then().statusCode(401);
  }

  // CPN-10, issue 15: a refused claim retried with its Idempotency-Key stored a second refusal and published a second event;
  // now the retry gets the stored answer
  @Test
  void aRetriedRefusalWithTheSameIdempotencyKeyIsAnsweredTheSameAndRecordedOnce_CPN10() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop); // for US and FR
    String key = UUID.randomUUID().toString();
    String buyer = uid("buyer");
    String body = "{\"buyerId\":\"" + buyer + "\",\"buyerCountry\":\"DE\"}";
    for (int i = 0; i < 3; i++) {
      given().auth().oauth2(Tokens.storefront()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
          .post("/v1/storefront/coupons/" + id + "/claims").then().statusCode(409).body("code", equalTo("ERR_COUPON_REGION"));
    }
    assertThat(Db.count("SELECT count(*) FROM claim_refusal WHERE coupon_id = ?::uuid AND buyer_id = ?", id, buyer)).isEqualTo(1);
  }

  @Test
  void aRetriedClaimWithTheSameIdempotencyKeyReturnsTheSameClaim() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    String key = UUID.randomUUID().toString();
    String body = "{\"buyerId\":\"" + uid("buyer") + "\",\"buyerCountry\":\"FR\"}";
    String first = given().auth().oauth2(Tokens.storefront()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
        .post("/v1/storefront/coupons/" + id + "/claims").then().statusCode(201).extract().path("id");
    given().auth().oauth2(Tokens.storefront()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
        .post("/v1/storefront/coupons/" + id + "/claims").then().statusCode(201).body("id", equalTo(first));
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + id + "/claims").then().body("claims", hasSize(1)).body("refusals", hasSize(0));
  }

  // CPN-3
  @Test
  void aSecondClaimByTheSameBuyerIsRefusedWithTheLimitCode_CPN3() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    String buyer = uid("buyer");
    claim(id, buyer, "US", "10.0.0.9").then().statusCode(201);
    claim(id, buyer, "US", "10.0.0.9").then().statusCode(409).body("code", equalTo("ERR_CLAIM_LIMIT")).body("errors", nullValue());
  }

  @Test
  void claimsFromOneAddressAreRateLimitedPerWindow() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    String ip = "10.66.0." + (int) (Math.random() * 250);
    TestClock.get().set(BASE.plusSeconds(3600)); // the start of a fresh one-minute window
    Fixtures.publishStock(shop, shop.sku(), 50, true, TestClock.get().now().minusSeconds(5), TestClock.get().now());
    await().atMost(Fixtures.WAIT).until(() -> claim(id, uid("buyer"), "US", anyIp()).statusCode() == 201);
    for (int i = 0; i < 30; i++) {
      claim(id, uid("buyer"), "US", ip).then().statusCode(201);
    }
    claim(id, uid("buyer"), "US", ip).then().statusCode(429).header("Retry-After", equalTo("60"))
        .body("code", equalTo("ERR_RATE_LIMITED"));
    TestClock.get().advance(java.time.Duration.ofMinutes(1));
    claim(id, uid("buyer"), "US", ip).then().statusCode(201);
  }
}
