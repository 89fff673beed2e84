package com.sellergrowth.shortlink.messaging;

import static com.sellergrowth.shortlink.testsupport.Fixtures.DESKTOP;
import static com.sellergrowth.shortlink.testsupport.Fixtures.HOST;
import static com.sellergrowth.shortlink.testsupport.Fixtures.IPHONE;
import static com.sellergrowth.shortlink.testsupport.Fixtures.WAIT;
import static com.sellergrowth.shortlink.testsupport.Fixtures.createLink;
import static com.sellergrowth.shortlink.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.shortlink.testsupport.Fixtures.ip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.shortlink.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SHL-6: every redirect publishes LinkClicked; stats per hour by event time; bots apart; replay from offset 0 changes nothing. */
@QuarkusTest
class ClickStatsTest {

  @Inject
  KafkaClientService kafka;

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
    com.sellergrowth.shortlink.testsupport.Fixtures.awaitClickConsumer();
  }

  private static void visit(String code, String address, String ua, String country) {
    var req = given().redirects().follow(false).header("X-Forwarded-For", address).header("User-Agent", ua);
    if (country != null) {
      req = req.header("X-Country-Code", country);
    }
    req.get("/" + code).then().statusCode(302);
  }

  static JsonPath stats(Seller s, String code) {
    return given().auth().oauth2(s.token()).get("/v1/links/" + code + "/stats").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void aRedirectPublishesLinkClickedWithoutTheRawAddress_SHL6() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/1");
    String address = ip();
    try (Kafka.Reader reader = Kafka.readFromNow(Topics.SHORTLINK_EVENTS)) {
      visit(code, address, IPHONE, "DE");
      ConsumerRecord<String, String> r = reader.await(rec -> code.equals(rec.key())
          && LinkClickedV1.TYPE.type().equals(Kafka.header(rec, "ce_type")), 1, WAIT).get(0);
      LinkClickedV1 click = EventSerde.deserialize(LinkClickedV1.TYPE, r.value());
      assertThat(Kafka.header(r, "ce_id")).isEqualTo(click.clickId());
      assertThat(click.sellerId()).isEqualTo(s.id());
      assertThat(click.deviceType()).isEqualTo("PHONE");
      assertThat(click.country()).isEqualTo("DE");
      assertThat(click.userAgentClass()).isEqualTo("HUMAN");
      assertThat(click.outcome()).isEqualTo("TARGET");
      assertThat(click.occurredAt()).isEqualTo(TestClock.get().now());
      assertThat(r.value()).doesNotContain(address);
    }
  }

  @Test
  void statsCountPvUvCountriesAndDevicesPerHourWithBotsApart_SHL6() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/1");
    String a = ip();
    String b = ip();
    visit(code, a, DESKTOP, "DE");
    visit(code, a, DESKTOP, "DE");
    visit(code, a, DESKTOP, "DE");
    visit(code, b, IPHONE, "US");
    visit(code, b, IPHONE, "US");
    visit(code, ip(), "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "US");
    given().redirects().follow(false).header("X-Forwarded-For", ip()).header("User-Agent", DESKTOP).head("/" + code).then().statusCode(302);
    Instant firstHour = TestClock.get().now();
    TestClock.get().advance(Duration.ofHours(1));
    visit(code, a, DESKTOP, null);

    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM link_click WHERE code = ?", code) == 8);
    JsonPath st = stats(s, code);
    assertThat(st.getLong("pv")).isEqualTo(6);
    assertThat(st.getLong("uv")).isEqualTo(2);
    assertThat(st.getLong("bots")).isEqualTo(2);
    assertThat(st.getMap("countries")).isEqualTo(Map.of("DE", 3, "US", 2, "UNKNOWN", 1));
    assertThat(st.getMap("devices")).isEqualTo(Map.of("DESKTOP", 4, "PHONE", 2));
    assertThat(st.getMap("botReasons")).isEqualTo(Map.of("BOT_USER_AGENT", 1, "HEAD_REQUEST", 1));
    assertThat(st.getList("hours.hour")).containsExactly(firstHour.toString(), firstHour.plus(Duration.ofHours(1)).toString());
    assertThat(st.getList("hours.pv", Integer.class)).containsExactly(5, 1);
    assertThat(st.getList("hours.uv", Integer.class)).containsExactly(2, 1);
    assertThat(st.getList("hours.bots", Integer.class)).containsExactly(2, 0);
    assertThat(Db.count("SELECT count(*) FROM link_click WHERE code = ? AND (visitor_hash LIKE '%10.%' OR ip_hash LIKE '%.%')", code)).isZero();
  }

  @Test
  void replayingShortlinkEventsFromOffsetZeroChangesNoFigure_SHL6() throws Exception {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/1");
    for (int i = 0; i < 5; i++) {
      visit(code, ip(), i % 2 == 0 ? DESKTOP : IPHONE, "FR");
    }
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM link_click WHERE code = ?", code) == 5);
    String before = stats(s, code).prettify();

    var consumer = kafka.getConsumer(Channels.SHORTLINK_EVENTS_IN);
    Set<TopicPartition> assigned = consumer.getAssignments().await().atMost(Duration.ofSeconds(10));
    assertThat(assigned).isNotEmpty().allMatch(tp -> tp.topic().equals(Topics.SHORTLINK_EVENTS));
    consumer.seekToBeginning(assigned).await().atMost(Duration.ofSeconds(10));
    // a marker click at the end of every partition: once each is stored, everything before it was read again (after a local
    // benchmark the topic holds millions of clicks: allow for them; in CI it holds only the tests' own)
    Instant now = TestClock.get().now();
    for (TopicPartition tp : assigned) {
      String marker = java.util.UUID.randomUUID().toString();
      Kafka.publishToPartitionWithId(marker, tp.partition(), "marker", new LinkClickedV1(marker, "marker", "marker-seller", "h", "v",
          "DESKTOP", null, "HUMAN", null, null, "TARGET", null, now), now);
      await().atMost(Duration.ofSeconds(600)).until(() -> Db.count("SELECT count(*) FROM link_click WHERE click_id = ?::uuid", marker) == 1);
    }
    assertThat(stats(s, code).prettify()).isEqualTo(before);
    assertThat(Db.count("SELECT count(*) FROM link_click WHERE code = ?", code)).isEqualTo(5);
  }
}
