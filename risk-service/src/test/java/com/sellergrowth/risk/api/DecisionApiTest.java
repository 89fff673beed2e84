package com.sellergrowth.risk.api;

import static com.sellergrowth.risk.testsupport.Fixtures.WAIT;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitConsumer;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitDecision;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.risk.testsupport.Fixtures.claim;
import static com.sellergrowth.risk.testsupport.Fixtures.couponId;
import static com.sellergrowth.risk.testsupport.Fixtures.decisionId;
import static com.sellergrowth.risk.testsupport.Fixtures.decisions;
import static com.sellergrowth.risk.testsupport.Fixtures.id;
import static com.sellergrowth.risk.testsupport.Fixtures.nextBase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.gift.GiftDispatchFailedV1;
import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RSK-7 and RSK-8 through the APIs: operators list, inspect, release (audited), change thresholds and run shadow rules; sellers see their own. */
@QuarkusTest
class DecisionApiTest {
  private static final String OPERATOR = Tokens.operator("op-ana");

  @BeforeEach
  void consumerReady() {
    awaitConsumer();
  }

  @AfterEach
  void configuredRulesAgain() {
    Db.count("WITH d AS (DELETE FROM rule_setting RETURNING 1) SELECT count(*) FROM d");
  }

  /** A coupon paused by RSK-1 for {@code seller}; answers the coupon id. */
  private static String pausedCoupon(String seller) {
    Instant t = nextBase();
    String coupon = couponId();
    for (int i = 0; i < 6; i++) {
      claim(coupon, seller, "203.0.113.50", t.plus(Duration.ofMinutes(i)));
    }
    awaitDecision("RSK-1", coupon, "ACTIVE");
    return coupon;
  }

  @Test
  void operatorsListAndInspectDecisionsWithTheDiagnosticReport_RSK7() {
    String seller = id("seller");
    String coupon = pausedCoupon(seller);
    String id = decisionId("RSK-1", coupon);
    given().auth().oauth2(OPERATOR).queryParam("rule", "RSK-1").queryParam("subjectId", coupon).get("/v1/operator/decisions").then()
        .statusCode(200).body("id", containsInAnyOrder(id)).body("[0].status", equalTo("ACTIVE"));
    given().auth().oauth2(OPERATOR).get("/v1/operator/decisions/" + id).then().statusCode(200)
        .body("rule", equalTo("RSK-1")).body("action", equalTo("PAUSE_COUPON")).body("subjectType", equalTo("COUPON"))
        .body("reason", equalTo("CLAIM_BURST")).body("evidence.eventIds.size()", equalTo(6)).body("evidence.ip", equalTo("203.0.113.50"))
        .body("thresholds.max-claims", equalTo("5")).body("windowFrom", equalTo(Db.string(
            "SELECT to_char(window_from AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM decision WHERE id = ?::uuid", id)))
        .body("report.whatHappened", containsString("6 claims of coupon " + coupon))
        .body("report.whyItMatters", containsString("farming")).body("report.whatTheSellerCanDo", containsString("claim details"));
    given().auth().oauth2(OPERATOR).get("/v1/operator/decisions/" + java.util.UUID.randomUUID()).then().statusCode(404)
        .contentType("application/problem+json").body("code", equalTo("ERR_NOT_FOUND"));
  }

  @Test
  void releasingADecisionIsAuditedPublishedAndFinal_RSK7() {
    String seller = id("seller");
    String coupon = pausedCoupon(seller);
    String id = decisionId("RSK-1", coupon);
    given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of()).post("/v1/operator/decisions/" + id + "/release").then()
        .statusCode(422).body("errors.field", hasItem("note"));
    try (Kafka.Reader reader = Kafka.readFromNow(Topics.RISK_DECISIONS)) {
      given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("note", "campus network, genuine buyers"))
          .post("/v1/operator/decisions/" + id + "/release").then().statusCode(200)
          .body("status", equalTo("RELEASED")).body("closedBy", equalTo("op-ana")).body("closeNote", equalTo("campus network, genuine buyers"));
      var released = reader.await(r -> coupon.equals(r.key()) && "risk.decision-released".equals(Kafka.header(r, "ce_type")), 1, WAIT);
      DecisionReleasedV1 e = EventSerde.deserialize(DecisionReleasedV1.TYPE, released.get(0).value());
      assertThat(e.decisionId()).isEqualTo(id);
      assertThat(e.subjectType()).isEqualTo("COUPON");
      assertThat(e.releasedBy()).isEqualTo("op-ana");
    }
    given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("note", "again"))
        .post("/v1/operator/decisions/" + id + "/release").then().statusCode(409).body("code", equalTo("ERR_DECISION_CLOSED"));
    given().auth().oauth2(OPERATOR).queryParam("target", id).get("/v1/operator/audit").then().statusCode(200)
        .body("size()", equalTo(1)).body("[0].actor", equalTo("op-ana")).body("[0].action", equalTo("RELEASE_DECISION"))
        .body("[0].detail.note", equalTo("campus network, genuine buyers")).body("[0].detail.previousStatus", equalTo("ACTIVE"));
    // the released evidence does not pause the coupon again; a new burst after it does
    Instant after = Instant.parse(Db.string("SELECT to_char(window_to AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM decision "
        + "WHERE id = ?::uuid", id));
    awaitProcessed(claim(coupon, seller, "203.0.113.50", after.plusSeconds(30)));
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", coupon)).isEqualTo(1);
    for (int i = 0; i < 5; i++) {
      claim(coupon, seller, "203.0.113.50", after.plusSeconds(60L + i));
    }
    awaitDecision("RSK-1", coupon, "ACTIVE");
  }

  // RSK-1, RSK-7, issue 15: a release was keyed by the coupon, so it forgave every address of the coupon; it forgives the
  // decision's address only, and a burst from another address within the released window still pauses the coupon
  @Test
  void releasingAClaimBurstForgivesOnlyItsAddress_RSK1_RSK7() {
    String seller = id("seller");
    String coupon = pausedCoupon(seller);
    String id = decisionId("RSK-1", coupon);
    Instant from = Instant.parse(Db.string("SELECT to_char(window_from AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM decision "
        + "WHERE id = ?::uuid", id));
    given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("note", "campus network"))
        .post("/v1/operator/decisions/" + id + "/release").then().statusCode(200);
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 6; i++) { // another address, inside the released window
      others.add(claim(coupon, seller, "198.51.100.99", from.plusSeconds(10L * i)));
    }
    awaitProcessed(others.toArray(String[]::new));
    awaitDecision("RSK-1", coupon, "ACTIVE");
    assertThat(Db.string("SELECT evidence ->> 'ip' FROM decision WHERE rule = 'RSK-1' AND subject_id = ? AND status = 'ACTIVE'", coupon))
        .isEqualTo("198.51.100.99");
  }

  // RSK-5, RSK-7, issue 15: releasing an address burst wrote its suppression under the click id while the rule reads it by
  // the hashed address, so the release forgave nothing: one more click from the address made a new burst of the released ones
  @Test
  void releasingAnAddressBurstForgivesTheBurst_RSK5_RSK7() {
    Instant t = nextBase();
    String ipHash = id("iphash");
    List<String> burst = new ArrayList<>();
    for (int i = 0; i < 21; i++) { // 21 clicks within 40 s: more than 20 within a minute
      String clickId = java.util.UUID.randomUUID().toString();
      Kafka.publishWithId(clickId, "code" + (i % 3), new com.sellergrowth.events.shortlink.LinkClickedV1(clickId, "code" + (i % 3), "s6",
          ipHash, "v" + i, "PHONE", "DE", "HUMAN", null, null, "TARGET", null, t.plusSeconds(2L * i)), t.plusSeconds(2L * i));
      burst.add(clickId);
    }
    org.awaitility.Awaitility.await().atMost(WAIT).until(() -> Db.count(
        "SELECT count(*) FROM decision WHERE rule = 'RSK-5' AND reason = 'IP_BURST' AND status = 'ACTIVE' AND subject_id = ANY(?)",
        (Object) burst.toArray(String[]::new)) == 21);
    given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("note", "a shop's demo kiosk"))
        .post("/v1/operator/decisions/" + decisionId("RSK-5", burst.get(20)) + "/release").then().statusCode(200);

    String next = java.util.UUID.randomUUID().toString(); // 42 s: with the released ones, 21 within a minute again
    Kafka.publishWithId(next, "code0", new com.sellergrowth.events.shortlink.LinkClickedV1(next, "code0", "s6", ipHash, "v", "PHONE", "DE",
        "HUMAN", null, null, "TARGET", null, t.plusSeconds(42)), t.plusSeconds(42));
    awaitProcessed(next);
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", next)).isZero();
  }

  @Test
  void operatorEndpointsNeedTheOperatorRoleAndSellersSeeOnlyTheirOwnDecisions_RSK7() {
    String seller = id("seller");
    String coupon = pausedCoupon(seller);
    String id = decisionId("RSK-1", coupon);
    given().get("/v1/operator/decisions").then().statusCode(401);
    given().auth().oauth2(Tokens.seller(seller)).get("/v1/operator/decisions").then().statusCode(403);
    given().auth().oauth2(Tokens.seller(seller)).contentType(ContentType.JSON).body(Map.of("note", "mine"))
        .post("/v1/operator/decisions/" + id + "/release").then().statusCode(403);
    given().auth().oauth2(Tokens.seller(seller)).get("/v1/decisions").then().statusCode(200)
        .body("id", containsInAnyOrder(id)).body("[0].report.whatTheSellerCanDo", containsString("release"))
        .body("[0].evidence", not(hasKey("ip"))).body("[0].thresholds.size()", equalTo(0));
    given().auth().oauth2(Tokens.seller(seller)).get("/v1/decisions/" + id).then().statusCode(200).body("subjectId", equalTo(coupon));
    given().auth().oauth2(Tokens.seller("someone-else")).get("/v1/decisions/" + id).then().statusCode(404);
    given().auth().oauth2(Tokens.seller("someone-else")).get("/v1/decisions").then().statusCode(200).body("id", not(hasItem(id)));
    given().auth().oauth2(OPERATOR).get("/v1/decisions").then().statusCode(403);
    given().auth().oauth2(Tokens.seller(seller)).queryParam("size", 0).queryParam("page", -1).get("/v1/decisions").then().statusCode(422)
        .body("errors.field", containsInAnyOrder("page", "size"));
  }

  @Test
  void operatorsChangeThresholdsWithoutARedeployEveryChangeValidatedAndAudited_RSK8() {
    given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
        .body(Map.of("mode", "LOUD", "thresholds", Map.of("max-claims", "0", "colour", "red"))).put("/v1/operator/rules/RSK-1").then()
        .statusCode(422).body("errors.field", containsInAnyOrder("mode", "note", "thresholds.max-claims", "thresholds.colour"));
    given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
        .body(Map.of("thresholds", Map.of("max-claims", "2"), "note", "farming wave")).put("/v1/operator/rules/RSK-1").then()
        .statusCode(200).body("thresholds.max-claims", equalTo("2")).body("thresholds.window", equalTo("PT1H"))
        .body("source", equalTo("OPERATOR")).body("updatedBy", equalTo("op-ana"));
    Instant t = nextBase();
    String coupon = couponId();
    for (int i = 0; i < 3; i++) { // three claims: more than two
      claim(coupon, "s9", "203.0.113.60", t.plus(Duration.ofMinutes(i)));
    }
    awaitDecision("RSK-1", coupon, "ACTIVE");
    assertThat(Db.string("SELECT thresholds->>'max-claims' FROM decision WHERE subject_id = ?", coupon)).isEqualTo("2");
    given().auth().oauth2(OPERATOR).queryParam("target", "RSK-1").get("/v1/operator/audit").then().statusCode(200)
        .body("[0].action", equalTo("CHANGE_RULE")).body("[0].detail.before.thresholds.max-claims", equalTo("5"))
        .body("[0].detail.after.thresholds.max-claims", equalTo("2"));
    given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("mode", "OFF", "note", "incident over"))
        .put("/v1/operator/rules/RSK-1").then().statusCode(200).body("mode", equalTo("OFF"));
    String calm = couponId();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(claim(calm, "s9", "203.0.113.61", t.plus(Duration.ofMinutes(i))));
    }
    awaitProcessed(ids.toArray(String[]::new));
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", calm)).as("a rule switched off decides nothing").isZero();
  }

  @Test
  void aShadowCandidateRunsBesideTheEnforcedRuleRecordedButNeverPublished_RSK8() {
    given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
        .body(Map.of("thresholds", Map.of("consecutive-failures", "2"), "note", "try two in a row")).put("/v1/operator/rules/RSK-4/shadow")
        .then().statusCode(200).body("shadowThresholds.consecutive-failures", equalTo("2")).body("thresholds.consecutive-failures", equalTo("3"))
        .body("shadowSince", not(nullValue()));
    Instant t = nextBase();
    String seller = id("gift-seller");
    try (Kafka.Reader reader = Kafka.readFromNow(Topics.RISK_DECISIONS)) {
      Kafka.publish(seller, new GiftDispatchFailedV1(id("d"), seller, "ERR-407", t), t);
      Kafka.publish(seller, new GiftDispatchFailedV1(id("d"), seller, "ERR-407", t.plusSeconds(60)), t.plusSeconds(60));
      awaitDecision("RSK-4", seller, "SHADOW");
      assertThat(decisions("RSK-4", seller, "ACTIVE")).isZero();
      // the enforced rule (three in a row) still decides and publishes; only its decision reaches the topic
      Kafka.publish(seller, new GiftDispatchFailedV1(id("d"), seller, "ERR-407", t.plusSeconds(120)), t.plusSeconds(120));
      awaitDecision("RSK-4", seller, "ACTIVE");
      // the relay publishes in outbox order and the shadow decision came first: had it been published, it would be the
      // first record of this key (same key, same partition)
      var published = reader.await(r -> seller.equals(r.key()), 1, WAIT);
      assertThat(Kafka.header(published.get(0), "ce_id")).isEqualTo(Db.string(
          "SELECT id::text FROM decision WHERE subject_id = ? AND status = 'ACTIVE'", seller));
    }
    given().auth().oauth2(OPERATOR).get("/v1/operator/rules/RSK-4/shadow-report").then().statusCode(200)
        .body("shadowSubjects", equalTo(1)).body("liveSubjects", equalTo(1)).body("subjectsInBoth", equalTo(1))
        .body("shadowThresholds.consecutive-failures", equalTo("2"));
    given().auth().oauth2(Tokens.seller(seller)).get("/v1/decisions").then().statusCode(200).body("status", containsInAnyOrder("ACTIVE"));
    given().auth().oauth2(OPERATOR).queryParam("note", "enough data").delete("/v1/operator/rules/RSK-4/shadow").then().statusCode(200)
        .body("shadowThresholds", nullValue());
  }
}
