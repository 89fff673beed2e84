package com.sellergrowth.risk.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** SPEC section 9: OpenAPI, readiness covering PostgreSQL and Kafka (risk-service uses no Redis: ADR 0006), Prometheus metrics. */
@QuarkusTest
class OperationsEndpointsTest {

  @Test
  void readinessCoversPostgresAndKafka() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
        .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "SmallRye Reactive Messaging - readiness check"))
        .body("checks.name", not(hasItems("redis")));
  }

  @Test
  void theOpenApiDocumentDescribesOperatorAndSellerEndpoints() {
    given().accept("application/json").get("/q/openapi").then().statusCode(200)
        .body(containsString("/v1/operator/decisions/{id}/release")).body(containsString("/v1/operator/rules/{rule}/shadow"))
        .body(containsString("/v1/decisions/{id}"));
  }

  @Test
  void consumerAndDecisionMetricsAreExposedForPrometheus() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("outbox_relay_published_total"))
        .body(containsString("kafka_consumer"));
  }
}
