package com.sellergrowth.gift.e2e;

import static com.sellergrowth.gift.testsupport.Fixtures.approvedGift;
import static com.sellergrowth.gift.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.gift.testsupport.Fixtures.order;
import static com.sellergrowth.gift.testsupport.Fixtures.outcome;
import static com.sellergrowth.gift.testsupport.Fixtures.paid;
import static com.sellergrowth.gift.testsupport.Fixtures.rule;
import static com.sellergrowth.gift.testsupport.Fixtures.transfer;
import static com.sellergrowth.gift.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.gift.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.ServiceProcess;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GFT-9 end to end with risk-service running (its packaged application, same broker): three consecutive dispatch failures ->
 * risk-service freezes the gift feature (RSK-4) -> gift-service obeys -> an operator releases the decision in risk-service ->
 * dispatches resume.
 */
@QuarkusTest
class RiskEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static ServiceProcess risk;

  @BeforeAll
  static void startRiskService() throws Exception {
    risk = ServiceProcess.riskService();
  }

  @AfterAll
  static void stopRiskService() throws Exception {
    if (risk != null) {
      risk.close();
    }
  }

  private static boolean frozen(Seller s) {
    return given().auth().oauth2(s.token()).get("/v1/gift-feature").then().statusCode(200).extract().path("frozen");
  }

  @Test
  void threeFailuresInARowFreezeTheFeatureUntilAnOperatorReleasesIt_GFT9_RSK4() {
    // in event time, in the past of risk-service's own clock (it refuses events dated ahead of it)
    TestClock.get().set(Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES));
    Seller s = eligibleSeller();
    String gift = approvedGift(s, "cat-home", "PLATFORM", 30, 0); // nothing in the gift warehouse: ERR_GIFT_STOCK
    rule(s, gift, 1_000, 1);
    for (int i = 0; i < 3; i++) {
      OrderSnapshot o = order(s, uid("buyer"), "US", 5_000, "c");
      paid(o);
      assertThat(outcome(o.orderId())).isEqualTo("ERR_GIFT_STOCK");
      TestClock.get().advance(Duration.ofMinutes(5));
    }
    await().atMost(WAIT).until(() -> frozen(s));
    OrderSnapshot whileFrozen = order(s, uid("buyer"), "US", 5_000, "c");
    paid(whileFrozen);
    assertThat(outcome(whileFrozen.orderId())).isEqualTo("FROZEN");

    String operator = Tokens.operator("op-e2e");
    List<Map<String, Object>> decisions = given().baseUri(risk.baseUrl()).auth().oauth2(operator).queryParam("subjectId", s.id())
        .get("/v1/operator/decisions").then().statusCode(200).body("[0].rule", equalTo("RSK-4")).extract().path("$");
    String decision = (String) decisions.get(0).get("id");
    given().baseUri(risk.baseUrl()).auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("note", "stock transferred"))
        .post("/v1/operator/decisions/" + decision + "/release").then().statusCode(200);
    await().atMost(WAIT).until(() -> !frozen(s));

    transfer(s, gift, uid("t"), 5).then().statusCode(201);
    TestClock.get().advance(Duration.ofMinutes(5));
    OrderSnapshot resumed = order(s, uid("buyer"), "US", 5_000, "c");
    paid(resumed);
    assertThat(outcome(resumed.orderId())).isEqualTo("DISPATCHED");
  }
}
