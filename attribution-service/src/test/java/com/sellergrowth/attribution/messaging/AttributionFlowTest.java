package com.sellergrowth.attribution.messaging;

import static com.sellergrowth.attribution.testsupport.Fixtures.BROWSER;
import static com.sellergrowth.attribution.testsupport.Fixtures.HOST;
import static com.sellergrowth.attribution.testsupport.Fixtures.WAIT;
import static com.sellergrowth.attribution.testsupport.Fixtures.awaitClick;
import static com.sellergrowth.attribution.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.attribution.testsupport.Fixtures.clickIdOf;
import static com.sellergrowth.attribution.testsupport.Fixtures.createCode;
import static com.sellergrowth.attribution.testsupport.Fixtures.order;
import static com.sellergrowth.attribution.testsupport.Fixtures.reasonOf;
import static com.sellergrowth.attribution.testsupport.Fixtures.seller;
import static com.sellergrowth.attribution.testsupport.Fixtures.uid;
import static com.sellergrowth.attribution.testsupport.Fixtures.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.attribution.testsupport.Fixtures.Seller;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderPlacedV1;
import com.sellergrowth.events.platform.OrderRefundedV1;
import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.events.risk.InvalidateClickV1;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole path against the real broker and database: a redirect publishes its click through the outbox (ATR-9), the click
 * stream becomes click facts (ATR-6), orders are attributed (ATR-5) and earn commission (ATR-7), the report adds it up (ATR-8),
 * and a replay from offset 0 changes none of it.
 */
@QuarkusTest
class AttributionFlowTest {
  private static final Duration REPLAY_WAIT = Duration.ofSeconds(600);
  @Inject
  KafkaClientService kafka;

  @BeforeEach
  void clock() {
    TestClock.get().reset();
  }

  @Test
  void aRedirectPassesUtmThroughUnchangedAndRecordsTheClickOnce_ATR9() {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/1?color=red#reviews");
    Response r = visit((String) code.get("link"), "device-aaaa-1", BROWSER);
    assertThat(r.statusCode()).isEqualTo(302);
    String location = r.header("Location");
    assertThat(location).startsWith(HOST + "/item/1?color=red&utm_source=instagram&utm_medium=social&utm_campaign=" + code.get("utm_campaign"))
        .endsWith("#reviews");
    String query = location.substring(location.indexOf('?') + 1, location.indexOf('#'));
    Map<String, String> params = new java.util.HashMap<>();
    for (String pair : query.split("&")) {
      params.put(pair.substring(0, pair.indexOf('=')), URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8));
    }
    assertThat(params).containsEntry("utm_content", "reel 1 & ü").containsEntry("utm_campaign", (String) code.get("utm_campaign"));
    String clickId = clickIdOf(r);
    awaitClick(clickId);
    assertThat(reasonOf(clickId)).isEqualTo("COUNTED");
    assertThat(Db.count("SELECT count(*) FROM click WHERE code_id = ?::uuid", code.get("id"))).isEqualTo(1);
    given().auth().oauth2(s.token()).get("/v1/clicks/" + clickId).then().statusCode(200).body("counted", org.hamcrest.Matchers.is(true));
    given().auth().oauth2(seller(true).token()).get("/v1/clicks/" + clickId).then().statusCode(404);
  }

  @Test
  void aTamperedLinkGoesHomeAndCountsAsSignature_ATR3() {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/2");
    String tampered = ((String) code.get("link")).replace("utm_source=instagram", "utm_source=tiktok");
    Response r = given().redirects().follow(false).urlEncodingEnabled(false).header("X-Forwarded-For", "10.9.9.9").header("User-Agent", BROWSER)
        .get(tampered.substring(tampered.indexOf("/af/")));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.header("Location")).isEqualTo(HOST + "/");
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM click WHERE code_id = ?::uuid AND invalid_reason = 'SIGNATURE'",
        code.get("id")) == 1);
    given().get("/af/not-a-code?x=1").then().statusCode(404);
  }

  @Test
  void duplicatesBotsAndRiskInvalidationsAreExcludedAndCountedByReason_ATR6() {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/3");
    String link = (String) code.get("link");
    String first = clickIdOf(visit(link, "device-dup-1", BROWSER));
    TestClock.get().advance(Duration.ofMinutes(55));
    String second = clickIdOf(visit(link, "device-dup-1", BROWSER));
    TestClock.get().advance(Duration.ofMinutes(55));
    String third = clickIdOf(visit(link, "device-dup-1", BROWSER));
    String bot = clickIdOf(visit(link, "device-bot-1", "curl/8.4.0"));
    String other = clickIdOf(visit(link, "device-other", BROWSER));
    for (String id : new String[] {first, second, third, bot, other}) {
      awaitClick(id);
    }
    assertThat(reasonOf(first)).isEqualTo("COUNTED");
    assertThat(reasonOf(second)).isEqualTo("DUPLICATE");
    assertThat(reasonOf(third)).isEqualTo("COUNTED");
    assertThat(reasonOf(bot)).isEqualTo("BOT");
    String decision = uid("decision");
    Instant now = TestClock.get().now();
    Kafka.publish(other, new InvalidateClickV1(decision, "RSK-5", other, "ATTRIBUTION", (String) code.get("id"), s.id(), "IP_BURST", now), now);
    await().atMost(WAIT).until(() -> "RISK_IP_BURST".equals(reasonOf(other)));
    JsonPath report = report(s, "groupBy=day&code=" + code.get("id"));
    assertThat(report.getInt("[0].clicks")).isEqualTo(5);
    assertThat(report.getInt("[0].validClicks")).isEqualTo(2);
    assertThat(report.getMap("[0].invalidByReason")).isEqualTo(Map.of("BOT", 1, "DUPLICATE", 1, "RISK_IP_BURST", 1));
    String release = Kafka.publish(other, new DecisionReleasedV1(decision, "CLICK", other, "ana", "shared office", now), now);
    awaitProcessed(release);
    assertThat(reasonOf(other)).isEqualTo("COUNTED");
  }

  @Test
  void anOrderThirtyMinutesAfterItsClickIsAttributedAndOneSecondLaterIsNot_ATR5() {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/4");
    Instant clickAt = TestClock.get().now();
    String clickId = clickIdOf(visit((String) code.get("link"), "device-window-1", BROWSER));
    awaitClick(clickId);
    String inTime = uid("order");
    String late = uid("order");
    paid(s, inTime, "device-window-1", null, clickAt.plus(Duration.ofMinutes(30)));
    paid(s, late, "device-window-1", null, clickAt.plus(Duration.ofMinutes(30)).plusSeconds(1));
    JsonPath won = given().auth().oauth2(s.token()).get("/v1/orders/" + inTime + "/attribution").then().statusCode(200).extract().jsonPath();
    assertThat(won.getBoolean("attributed")).isTrue();
    assertThat(won.getString("clickId")).isEqualTo(clickId);
    assertThat(won.getString("matchedBy")).isEqualTo("DEVICE");
    assertThat(won.getLong("windowSeconds")).isEqualTo(1800);
    assertThat(won.getString("rule")).contains("ATR-5");
    assertThat(won.getString("clickAt")).isEqualTo(clickAt.toString());
    assertThat(given().auth().oauth2(s.token()).get("/v1/orders/" + late + "/attribution").jsonPath().getBoolean("attributed")).isFalse();
    given().auth().oauth2(seller(true).token()).get("/v1/orders/" + inTime + "/attribution").then().statusCode(404);
  }

  @Test
  void anOrderThatArrivesBeforeItsClickIsStillAttributed_ATR5() {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/5");
    String orderId = uid("order");
    Instant clickAt = TestClock.get().now();
    paid(s, orderId, "device-early-1", null, clickAt.plus(Duration.ofMinutes(3)));
    assertThat(Db.count("SELECT count(*) FROM order_attribution WHERE order_id = ? AND click_id IS NULL", orderId)).isEqualTo(1);
    String clickId = clickIdOf(visit((String) code.get("link"), "device-early-1", BROWSER));
    await().atMost(WAIT).until(() -> clickId.equals(Db.string("SELECT click_id::text FROM order_attribution WHERE order_id = ?", orderId)));
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM commission WHERE order_id = ?", orderId) == 1);
  }

  @Test
  void commissionIsCreditedOnceReversedWhilePendingAndClawedBackAfterLocking_ATR7() {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/6");
    Instant clickAt = TestClock.get().now();
    String clickId = clickIdOf(visit((String) code.get("link"), "device-comm-1", BROWSER));
    awaitClick(clickId);
    String refundedEarly = uid("order");
    String refundedLate = uid("order");
    String paidEventId = paid(s, refundedEarly, null, clickId, clickAt.plus(Duration.ofMinutes(1)));
    // the same event again: credited once
    Kafka.publishWithId(paidEventId, refundedEarly, new OrderPaidV1(order(s, refundedEarly, null, clickId, "cat-fashion", 2_999),
        clickAt.plus(Duration.ofMinutes(1))), clickAt.plus(Duration.ofMinutes(1)));
    paid(s, refundedLate, "device-comm-1", null, clickAt.plus(Duration.ofMinutes(2)));
    JsonPath c = commission(s, refundedEarly);
    assertThat(c.getString("status")).isEqualTo("PENDING");
    assertThat(c.getLong("baseMinor")).isEqualTo(5_998);
    assertThat(c.getLong("amountMinor")).isEqualTo(720); // 5998 x 12% = 719.76
    assertThat(Db.count("SELECT count(*) FROM commission WHERE order_id = ?", refundedEarly)).isEqualTo(1);
    awaitProcessed(Kafka.publish(refundedEarly, new OrderRefundedV1(order(s, refundedEarly, null, clickId, "cat-fashion", 2_999),
        clickAt.plus(Duration.ofDays(1))), clickAt.plus(Duration.ofDays(1))));
    assertThat(commission(s, refundedEarly).getString("status")).isEqualTo("REVERSED");

    String operator = Tokens.operator("ana");
    TestClock.get().advance(Duration.ofDays(16));
    given().auth().oauth2(operator).post("/v1/operator/commissions/lock-due").then().statusCode(200);
    JsonPath locked = commission(s, refundedLate);
    assertThat(locked.getString("status")).isEqualTo("LOCKED");
    int version = locked.getInt("version");
    Response paid = pay(operator, refundedLate, version);
    paid.then().statusCode(200);
    assertThat(paid.jsonPath().getString("status")).isEqualTo("PAID");
    pay(operator, refundedLate, version).then().statusCode(409).body("code", org.hamcrest.Matchers.is("ERR_CONCURRENT_UPDATE"));
    pay(operator, refundedEarly, 2).then().statusCode(409).body("code", org.hamcrest.Matchers.is("ERR_COMMISSION_STATE"));
    pay(operator, "no-such-order", 1).then().statusCode(404);
    awaitProcessed(Kafka.publish(refundedLate, new OrderRefundedV1(order(s, refundedLate, "device-comm-1", null, "cat-fashion", 2_999),
        clickAt.plus(Duration.ofDays(20))), clickAt.plus(Duration.ofDays(20))));
    JsonPath clawed = commission(s, refundedLate);
    assertThat(clawed.getString("status")).isEqualTo("PAID");
    assertThat(clawed.getLong("clawbackMinor")).isEqualTo(720);
    JsonPath report = report(s, "groupBy=campaign&from=" + LocalDate.ofInstant(clickAt, ZoneOffset.UTC) + "&code=" + code.get("id"));
    assertThat(report.getInt("[0].orders")).isEqualTo(2);
    assertThat(report.getMap("[0].gmvMinor")).isEqualTo(Map.of("EUR", 0));
    assertThat(report.getMap("[0].commissionMinor")).isEqualTo(Map.of("EUR", 0));
  }

  // RSK-5, ATR-6, ATR-7 (issue 11): a click risk-service invalidates after it won orders earns nothing: the pending commission
  // is reversed, the locked one clawed back, once, whatever the decision's redeliveries
  @Test
  void aClickInvalidatedAfterItWonTakesItsCommissionsBack_RSK5_ATR7() {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/7");
    Instant clickAt = TestClock.get().now();
    String clickId = clickIdOf(visit((String) code.get("link"), "device-risk-1", BROWSER));
    awaitClick(clickId);
    String early = uid("order");
    String late = uid("order");
    paid(s, early, null, clickId, clickAt.plus(Duration.ofMinutes(1)));
    assertThat(commission(s, early).getString("status")).isEqualTo("PENDING");
    TestClock.get().advance(Duration.ofDays(16));
    given().auth().oauth2(Tokens.operator("ana")).post("/v1/operator/commissions/lock-due").then().statusCode(200);
    assertThat(commission(s, early).getString("status")).isEqualTo("LOCKED");
    paid(s, late, null, clickId, clickAt.plus(Duration.ofMinutes(2)));
    assertThat(commission(s, late).getString("status")).isEqualTo("PENDING");

    Instant decided = TestClock.get().now();
    InvalidateClickV1 decision = new InvalidateClickV1(uid("decision"), "RSK-5", clickId, "ATTRIBUTION", (String) code.get("id"), s.id(),
        "IP_BURST", decided);
    String eventId = UUID.randomUUID().toString();
    Kafka.publishWithId(eventId, clickId, decision, decided);
    Kafka.publishWithId(eventId, clickId, decision, decided); // redelivered
    awaitProcessed(eventId);
    awaitProcessed(Kafka.publish(clickId, decision, decided)); // sent again with a new id

    assertThat(commission(s, late).getString("status")).isEqualTo("REVERSED");
    JsonPath clawed = commission(s, early);
    assertThat(clawed.getString("status")).isEqualTo("LOCKED");
    assertThat(clawed.getLong("clawbackMinor")).isEqualTo(clawed.getLong("amountMinor"));
  }

  @Test
  void replayingTheClickAndOrderTopicsFromOffsetZeroChangesNoFigureAndNoCommission() {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/7");
    Instant clickAt = TestClock.get().now();
    String clickId = clickIdOf(visit((String) code.get("link"), "device-replay-1", BROWSER));
    clickIdOf(visit((String) code.get("link"), "device-replay-1", BROWSER));
    awaitClick(clickId);
    String orderId = uid("order");
    paid(s, orderId, "device-replay-1", null, clickAt.plus(Duration.ofMinutes(10)));
    String query = "groupBy=day&code=" + code.get("id");
    await().atMost(WAIT).until(() -> report(s, query).getInt("[0].clicks") == 2);
    String before = report(s, query).prettify();
    String csvBefore = given().auth().oauth2(s.token()).get("/v1/reports/traffic/export.csv?" + query).then().statusCode(200).extract().asString();
    assertThat(csvBefore).startsWith("key,clicks,valid_clicks").contains("EUR:");
    long commissions = Db.count("SELECT count(*) FROM commission");
    long clicks = Db.count("SELECT count(*) FROM click");

    for (String channel : new String[] {Channels.ATTRIBUTION_EVENTS_IN, Channels.PLATFORM_ORDERS_IN}) {
      var consumer = kafka.getConsumer(channel);
      Set<TopicPartition> assigned = consumer.getAssignments().await().atMost(Duration.ofSeconds(10));
      assertThat(assigned).isNotEmpty();
      consumer.seekToBeginning(assigned).await().atMost(Duration.ofSeconds(10));
    }
    // a marker order at the end (after a local benchmark the topics hold hundreds of thousands of events: allow for them; in CI
    // they hold only the tests' own) of every partition of platform.orders, then wait until each is applied: everything before was read again
    for (int p = 0; p < partitions(Topics.PLATFORM_ORDERS); p++) {
      String marker = uid("marker");
      Instant now = TestClock.get().now();
      Kafka.publishToPartitionWithId(marker, p, marker, new OrderPlacedV1(order(s, marker, null, null, "cat-x", 1), now), now);
      awaitProcessed(marker, REPLAY_WAIT);
    }
    // and a marker click after everything on attribution.events: once stored, the click stream was read again
    String markerClick = clickIdOf(visit((String) code.get("link"), "device-marker", BROWSER));
    awaitClick(markerClick, REPLAY_WAIT);
    await().atMost(Duration.ofSeconds(60)).until(() -> report(s, query).getInt("[0].clicks") == 3);
    JsonPath after = report(s, query);
    JsonPath was = JsonPath.from(before);
    assertThat(after.getInt("[0].validClicks")).isEqualTo(was.getInt("[0].validClicks") + 1);
    assertThat(after.getMap("[0].invalidByReason")).isEqualTo(was.getMap("[0].invalidByReason"));
    assertThat(after.getInt("[0].orders")).isEqualTo(was.getInt("[0].orders"));
    assertThat(after.getMap("[0].commissionMinor")).isEqualTo(was.getMap("[0].commissionMinor"));
    assertThat(Db.count("SELECT count(*) FROM commission")).isEqualTo(commissions);
    assertThat(Db.count("SELECT count(*) FROM click")).isEqualTo(clicks + 1);
  }

  private static int partitions(String topic) {
    java.util.Properties p = new java.util.Properties();
    p.put("bootstrap.servers", Kafka.BOOTSTRAP);
    try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
      return admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes OrderPlaced and OrderPaid at {@code at}; waits until both are applied; the paid event's id. */
  private static String paid(Seller s, String orderId, String device, String clickId, Instant at) {
    awaitProcessed(Kafka.publish(orderId, new OrderPlacedV1(order(s, orderId, device, clickId, "cat-fashion", 2_999), at), at));
    String id = Kafka.publish(orderId, new OrderPaidV1(order(s, orderId, device, clickId, "cat-fashion", 2_999), at), at);
    awaitProcessed(id);
    return id;
  }

  private static JsonPath commission(Seller s, String orderId) {
    return given().auth().oauth2(s.token()).get("/v1/orders/" + orderId + "/attribution").then().statusCode(200).extract().jsonPath()
        .setRootPath("commission");
  }

  private static Response pay(String operator, String orderId, int version) {
    return given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"version\":" + version + "}")
        .post("/v1/operator/commissions/" + orderId + "/pay");
  }

  private static JsonPath report(Seller s, String query) {
    return given().auth().oauth2(s.token()).get("/v1/reports/traffic?" + query).then().statusCode(200).extract().jsonPath();
  }
}
