package com.sellergrowth.coupon.messaging;

import static com.sellergrowth.coupon.testsupport.Fixtures.couponBody;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.events.Topics;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What coupon-service publishes on coupon.events: trace context in headers, and expiry by the clock (CPN-17). */
@QuarkusTest
class CouponEventsTest {

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }

  @Test
  void theClaimedEventCarriesTheTraceOfTheRequestThatCausedIt() {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    String traceId = HexFormat.of().formatHex(randomBytes(16));
    String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
    try (Kafka.Reader events = Kafka.readFromNow(Topics.COUPON_EVENTS)) {
      given().auth().oauth2(Tokens.storefront()).header("traceparent", traceparent).contentType(ContentType.JSON)
          .body(Map.of("buyerId", uid("buyer"), "buyerCountry", "US", "ip", "10.7.0.1"))
          .post("/v1/storefront/coupons/" + coupon + "/claims").then().statusCode(201);
      var claimed = events.await(r -> coupon.equals(r.key()) && "coupon.claimed".equals(Kafka.header(r, "ce_type")), 1, Fixtures.WAIT);
      assertThat(Kafka.header(claimed.get(0), "traceparent")).startsWith("00-" + traceId + "-");
    }
  }

  // CPN-17
  @Test
  void aCouponPastItsEndIsMarkedExpiredAndCouponExpiredIsPublished_CPN17() {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    Instant end = TestClock.get().now().plus(Duration.ofDays(1));
    body.put("startsAt", TestClock.get().now().toString());
    body.put("endsAt", end.toString());
    String coupon = createCoupon(shop, body);
    try (Kafka.Reader events = Kafka.readFromNow(Topics.COUPON_EVENTS)) {
      TestClock.get().set(end.plusSeconds(1));
      var expired = events.await(r -> coupon.equals(r.key()) && "coupon.expired".equals(Kafka.header(r, "ce_type")), 1, Fixtures.WAIT);
      assertThat(Kafka.header(expired.get(0), "ce_time")).startsWith(end.toString().substring(0, 19));
    }
    assertThat(Db.string("SELECT status FROM coupon WHERE id = ?::uuid", coupon)).isEqualTo("EXPIRED");
    given().auth().oauth2(shop.token()).get("/v1/coupons/" + coupon).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("EXPIRED"));
  }

  // CPN-17, issue 15: a draft is the seller's alone and published nothing, while publishing it published nothing either; now
  // coupon.created goes out once, when the coupon is published, with the publication's time
  @Test
  void aDraftPublishesNothingAndCouponCreatedGoesOutOnceWhenItIsPublished_CPN17() {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.put("draft", true);
    try (Kafka.Reader events = Kafka.readFromNow(Topics.COUPON_EVENTS)) {
      String coupon = createCoupon(shop, body);
      Instant published = TestClock.get().now().plus(Duration.ofHours(1));
      TestClock.get().set(published);
      given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + coupon + "/publish").then().statusCode(200);
      given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + coupon + "/publish").then().statusCode(200);
      given().auth().oauth2(shop.token()).contentType("application/json").body(Map.of("reason", "stock check"))
          .post("/v1/coupons/" + coupon + "/pause").then().statusCode(200);
      // the pause comes after everything before it on the coupon's partition
      List<String> types = new java.util.ArrayList<>();
      List<String> createdTimes = new java.util.ArrayList<>();
      events.await(r -> {
        if (coupon.equals(r.key())) {
          types.add(Kafka.header(r, "ce_type"));
          if ("coupon.created".equals(Kafka.header(r, "ce_type"))) {
            createdTimes.add(Kafka.header(r, "ce_time"));
          }
        }
        return coupon.equals(r.key()) && "coupon.paused".equals(Kafka.header(r, "ce_type"));
      }, 1, Fixtures.WAIT);
      assertThat(types).containsExactly("coupon.created", "coupon.paused");
      assertThat(createdTimes.get(0)).startsWith(published.toString().substring(0, 19));

      // a draft ended without being published: nothing was announced, nothing is (the marker is a published coupon's pause)
      String draft = createCoupon(shop, body);
      given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + draft + "/end").then().statusCode(200);
      given().auth().oauth2(shop.token()).contentType(ContentType.JSON).post("/v1/coupons/" + coupon + "/resume").then().statusCode(200);
      List<String> ofDraft = new java.util.ArrayList<>();
      events.await(r -> {
        if (draft.equals(r.key())) {
          ofDraft.add(Kafka.header(r, "ce_type"));
        }
        return coupon.equals(r.key()) && "coupon.resumed".equals(Kafka.header(r, "ce_type"));
      }, 1, Fixtures.WAIT);
      assertThat(ofDraft).isEmpty();
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    ThreadLocalRandom.current().nextBytes(b);
    b[0] |= 1; // never all zeros (an invalid trace id)
    return b;
  }
}
