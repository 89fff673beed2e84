package com.sellergrowth.coupon.messaging;

import static com.sellergrowth.coupon.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.coupon.testsupport.Fixtures.claim;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.sellergrowth.testsupport.Db;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.events.risk.PauseCouponV1;
import com.sellergrowth.events.risk.ResumeCouponV1;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CPN-17: risk pauses stop claims and are released only by an operator (DecisionReleased) or a resolved rule (ResumeCoupon). */
@QuarkusTest
class RiskDecisionsTest {

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }


  // CPN-17
  @Test
  void aRiskPauseStopsClaimsAndOnlyAnOperatorReleaseResumesIt_CPN17() {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    Instant now = TestClock.get().now();
    String decision = uid("dec");
    awaitProcessed(Kafka.publish(coupon, new PauseCouponV1(decision, "RSK-1", coupon, shop.sellerId(), "6 claims from one IP in 1 h", now), now));
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + coupon).then().body("status", equalTo("PAUSED"))
        .body("pausedBy", equalTo("RISK")).body("riskDecisionId", equalTo(decision));
    claim(coupon, uid("buyer"), "US", "10.4.0.1").then().statusCode(409).body("code", equalTo("ERR_COUPON_PAUSED"))
        .body("publicCode", equalTo("ERR_COUPON_UNAVAILABLE"));
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + coupon + "/resume").then().statusCode(409)
        .body("code", equalTo("ERR_RISK_PAUSED"));
    // a release of some other decision changes nothing
    awaitProcessed(Kafka.publish(coupon, new DecisionReleasedV1(uid("dec"), "COUPON", coupon, "op-1", "wrong one", now), now));
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + coupon).then().body("status", equalTo("PAUSED"));
    awaitProcessed(Kafka.publish(coupon, new DecisionReleasedV1(decision, "COUPON", coupon, "op-1", "false positive", now), now));
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + coupon).then().body("status", equalTo("ACTIVE"));
    claim(coupon, uid("buyer"), "US", "10.4.0.1").then().statusCode(201);
  }

  // CPN-17
  @Test
  void aResolvedRuleResumesTheCouponItPausedAndARepeatedPauseIsAppliedOnce_CPN17() {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    Instant now = TestClock.get().now();
    String decision = uid("dec");
    String pauseEvent = java.util.UUID.randomUUID().toString();
    Kafka.publishWithId(pauseEvent, coupon, new PauseCouponV1(decision, "RSK-3", coupon, shop.sellerId(), "stock sync late", now), now);
    Kafka.publishWithId(pauseEvent, coupon, new PauseCouponV1(decision, "RSK-3", coupon, shop.sellerId(), "stock sync late", now), now);
    awaitProcessed(pauseEvent);
    awaitProcessed(Kafka.publish(coupon, new ResumeCouponV1(uid("dec"), "RSK-3", coupon, shop.sellerId(), decision, now), now));
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + coupon).then().body("status", equalTo("ACTIVE"));
    org.assertj.core.api.Assertions.assertThat(
        Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", pauseEvent)).isEqualTo(1);
  }

  private static io.restassured.response.ValidatableResponse coupon(Shop shop, String coupon) {
    return given().auth().oauth2(shop.token()).get("/v1/coupons/" + coupon).then().statusCode(200);
  }

  // CPN-17, RSK-1, RSK-3
  @Test
  void aCouponHeldByTwoDecisionsResumesOnlyWhenBothLetGo_CPN17() {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    Instant now = TestClock.get().now();
    String burst = uid("dec");
    String lateStock = uid("dec");
    awaitProcessed(Kafka.publish(coupon, new PauseCouponV1(burst, "RSK-1", coupon, shop.sellerId(), "6 claims from one IP in 1 h", now), now));
    awaitProcessed(Kafka.publish(coupon, new PauseCouponV1(lateStock, "RSK-3", coupon, shop.sellerId(), "stock sync late", now), now));
    coupon(shop, coupon).body("status", equalTo("PAUSED")).body("riskDecisionId", equalTo(burst));
    // the operator releases the burst: the late stock still holds the coupon, and says so
    awaitProcessed(Kafka.publish(coupon, new DecisionReleasedV1(burst, "COUPON", coupon, "op-1", "false positive", now), now));
    coupon(shop, coupon).body("status", equalTo("PAUSED")).body("pausedBy", equalTo("RISK")).body("riskDecisionId", equalTo(lateStock))
        .body("pauseReason", equalTo("RSK-3: stock sync late"));
    claim(coupon, uid("buyer"), "US", "10.4.0.2").then().statusCode(409).body("code", equalTo("ERR_COUPON_PAUSED"));
    // a fresh stock sync resolves the other one: now it resumes
    awaitProcessed(Kafka.publish(coupon, new ResumeCouponV1(uid("dec"), "RSK-3", coupon, shop.sellerId(), lateStock, now), now));
    coupon(shop, coupon).body("status", equalTo("ACTIVE"));
    claim(coupon, uid("buyer"), "US", "10.4.0.2").then().statusCode(201);
  }

  // CPN-17
  @Test
  void aSellersOwnPauseOutlivesARiskPauseOverIt_CPN17() {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    Instant now = TestClock.get().now();
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).body("{\"reason\":\"restocking\"}").post("/v1/coupons/" + coupon + "/pause")
        .then().statusCode(200).body("pausedBy", equalTo("SELLER"));
    String decision = uid("dec");
    awaitProcessed(Kafka.publish(coupon, new PauseCouponV1(decision, "RSK-1", coupon, shop.sellerId(), "6 claims from one IP in 1 h", now), now));
    coupon(shop, coupon).body("status", equalTo("PAUSED")).body("pausedBy", equalTo("RISK"));
    awaitProcessed(Kafka.publish(coupon, new DecisionReleasedV1(decision, "COUPON", coupon, "op-1", "false positive", now), now));
    // back to the seller's pause, not to ACTIVE: only the seller resumes it
    coupon(shop, coupon).body("status", equalTo("PAUSED")).body("pausedBy", equalTo("SELLER")).body("pauseReason", equalTo("restocking"));
    given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + coupon + "/resume").then().statusCode(200)
        .body("status", equalTo("ACTIVE"));
  }
}
