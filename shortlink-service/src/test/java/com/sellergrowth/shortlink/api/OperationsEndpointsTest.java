package com.sellergrowth.shortlink.api;

import static com.sellergrowth.shortlink.testsupport.Fixtures.HOST;
import static com.sellergrowth.shortlink.testsupport.Fixtures.createLink;
import static com.sellergrowth.shortlink.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.shortlink.testsupport.Fixtures.visit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** SPEC section 9: OpenAPI, readiness covering PostgreSQL, Redis and Kafka, Prometheus metrics. */
@QuarkusTest
class OperationsEndpointsTest {

  @Test
  void readinessCoversPostgresRedisAndKafka() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
        .body("checks.name", hasItems("redis", "Reactive PostgreSQL connections health check", "SmallRye Reactive Messaging - readiness check"))
        .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data", org.hamcrest.Matchers.hasKey("shortlink-events-in"));
  }

  @Test
  void theOpenApiDocumentDescribesTheSellerApi() {
    given().accept("application/json").get("/q/openapi").then().statusCode(200)
        .body(containsString("/v1/links/batch")).body(containsString("/v1/links/{code}/stats")).body(containsString("/v1/links/{code}/qr.svg"));
  }

  @Test
  void clickAndConsumerMetricsAreExposedForPrometheus() {
    String code = createLink(eligibleSeller(), HOST + "/item/1");
    visit(code).then().statusCode(302);
    given().get("/q/metrics").then().statusCode(200)
        .body(containsString("shortlink_clicks_offered_total"))
        .body(containsString("shortlink_clicks_queued"))
        .body(containsString("events_consumed_total{"))
        .body(containsString("outbox_relay_published_total"));
  }
}
