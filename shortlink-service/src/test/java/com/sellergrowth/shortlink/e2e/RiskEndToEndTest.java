package com.sellergrowth.shortlink.e2e;

import static com.sellergrowth.shortlink.testsupport.Fixtures.DESKTOP;
import static com.sellergrowth.shortlink.testsupport.Fixtures.HOST;
import static com.sellergrowth.shortlink.testsupport.Fixtures.IPHONE;
import static com.sellergrowth.shortlink.testsupport.Fixtures.createLink;
import static com.sellergrowth.shortlink.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.shortlink.testsupport.Fixtures.ip;
import static com.sellergrowth.shortlink.testsupport.Fixtures.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.shortlink.testsupport.Fixtures;
import com.sellergrowth.shortlink.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.ServiceProcess;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end with risk-service running (its packaged application, same broker): real redirects publish clicks, risk-service
 * finds the burst from one address (RSK-5), shortlink-service moves those clicks out of the link's valid stats.
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

  @BeforeEach
  void ready() {
    TestClock.get().set(java.time.Instant.now().minus(Duration.ofDays(1))); // in the past of risk-service's wall clock
    Fixtures.awaitClickConsumer();
  }

  private static JsonPath stats(Seller s, String code) {
    return given().auth().oauth2(s.token()).get("/v1/links/" + code + "/stats").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aBurstOfClicksFromOneAddressIsInvalidatedAndLeavesTheLinksValidStats_RSK5() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/burst");
    String burstAddress = ip();
    for (int i = 0; i < 25; i++) { // more than 20 within a minute (the clock stands still: all at one instant)
      visit(code, burstAddress, DESKTOP).then().statusCode(302);
    }
    String[] people = {ip(), ip(), ip()};
    for (String address : people) {
      visit(code, address, IPHONE).then().statusCode(302);
    }
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM link_click WHERE code = ? AND invalid_reason = 'IP_BURST'", code) == 25);
    JsonPath stats = stats(s, code);
    assertThat(stats.getLong("pv")).isEqualTo(3);
    assertThat(stats.getLong("uv")).isEqualTo(3);
    assertThat(stats.getLong("invalid")).isEqualTo(25);
    // the seller sees the decisions about their clicks, with the explanation
    given().baseUri(risk.baseUrl()).auth().oauth2(Tokens.seller(s.id())).queryParam("subjectType", "CLICK").get("/v1/decisions").then()
        .statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(25)).body("[0].reason", org.hamcrest.Matchers.equalTo("IP_BURST"))
        .body("[0].report.whyItMatters", org.hamcrest.Matchers.containsString("click fraud"));
  }
}
