package com.sellergrowth.coupon.api;

import static com.sellergrowth.coupon.testsupport.Fixtures.claim;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** SPEC section 9: each service has OpenAPI, readiness covering its dependencies, and Prometheus metrics. */
@QuarkusTest
class OperationsEndpointsTest {

  @Test
  void readinessCoversPostgresRedisAndKafka() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
        .body("checks.name", hasItems("redis", "Reactive PostgreSQL connections health check", "SmallRye Reactive Messaging - readiness check"))
        .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data", org.hamcrest.Matchers.hasKey("outbox-out"));
  }

  @Test
  void theOpenApiDocumentDescribesTheSellerAndStorefrontApis() {
    given().accept("application/json").get("/q/openapi").then().statusCode(200)
        .body(containsString("/v1/coupons/{id}/analytics"))
        .body(containsString("/v1/storefront/coupons/{id}/claims"))
        .body(containsString("/v1/storefront/checkout/quote"));
  }

  @Test
  void businessMetricsAreExposedForPrometheus() {
    TestClock.get().reset();
    var shop = eligibleShop();
    claim(createCoupon(shop), uid("buyer"), "US", "10.8.0.1").then().statusCode(201);
    given().get("/q/metrics").then().statusCode(200)
        .body(containsString("coupon_claims_total{outcome=\"claimed\""))
        .body(containsString("events_consumed_total{"))
        .body(containsString("outbox_relay_published_total"));
  }
}
