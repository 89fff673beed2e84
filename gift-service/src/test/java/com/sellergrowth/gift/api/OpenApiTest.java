package com.sellergrowth.gift.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every endpoint is in the OpenAPI document with a success and its refusals; health is ready. */
@QuarkusTest
class OpenApiTest {

  @Test
  void everyOperationDocumentsItsSuccessAndItsRefusals() {
    JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    Map<String, Map<String, Object>> paths = doc.getMap("paths");
    assertThat(paths).containsKeys("/v1/gift-feature", "/v1/gifts", "/v1/gifts/{id}/photos", "/v1/gifts/{id}/submit",
        "/v1/gifts/{id}/transfers", "/v1/gift-rules", "/v1/gift-fees/quote", "/v1/dispatches/{id}/label", "/v1/dispatches/{id}/label.pdf",
        "/v1/dispatches/{id}/confirm", "/v1/orders/{orderId}/gift-recommendations", "/v1/gift-analytics", "/v1/operator/gift-reviews",
        "/v1/operator/gifts/{id}/approve", "/v1/operator/gifts/{id}/reject");
    paths.forEach((path, operations) -> operations.forEach((method, op) -> {
      if (!(op instanceof Map<?, ?> operation) || !operation.containsKey("responses")) {
        return; // path-level parameters
      }
      Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
      assertThat(responses.keySet()).as("%s %s", method, path).anyMatch(code -> code.toString().matches("[23]\\d\\d"));
      assertThat(responses.keySet()).as("%s %s", method, path).anyMatch(code -> code.toString().matches("4\\d\\d"));
      assertThat(operation.get("summary")).as("%s %s summary", method, path).isNotNull();
    }));
  }

  @Test
  void readinessCoversTheDatabaseAndTheBroker() {
    given().get("/q/health/ready").then().statusCode(200);
  }
}
