package com.sellergrowth.risk.engine;

import static com.sellergrowth.risk.testsupport.Fixtures.WAIT;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitConsumer;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitDecision;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.risk.testsupport.Fixtures.decisions;
import static com.sellergrowth.risk.testsupport.Fixtures.id;
import static com.sellergrowth.risk.testsupport.Fixtures.nextBase;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.attribution.ClickAttributedV1;
import com.sellergrowth.events.direct.SupplierKpiMeasuredV1;
import com.sellergrowth.events.gift.GiftDispatchFailedV1;
import com.sellergrowth.events.gift.GiftShippedV1;
import com.sellergrowth.events.risk.FreezeGiftFeatureV1;
import com.sellergrowth.events.risk.InvalidateClickV1;
import com.sellergrowth.events.risk.KpiWarningV1;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RSK-4, RSK-5, RSK-6 against the contract: gift-service, attribution-service and direct-service do not exist yet, so the tests
 * publish their events as those services will.
 */
@QuarkusTest
class GiftClickKpiRulesTest {
  private static final String UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";

  @BeforeEach
  void consumerReady() {
    awaitConsumer();
  }

  private static String failed(String seller, Instant at, String code) {
    return Kafka.publish(seller, new GiftDispatchFailedV1(id("d"), seller, code, at), at);
  }

  private static String shipped(String seller, Instant at) {
    return Kafka.publish(seller, new GiftShippedV1(id("d"), seller, "SG123", at), at);
  }

  @Test
  void threeConsecutiveDispatchFailuresFreezeTheGiftFeature_RSK4() {
    Instant t = nextBase();
    String seller = id("gift-seller");
    try (Kafka.Reader reader = Kafka.readFromNow(Topics.RISK_DECISIONS)) {
      List<String> ids = new ArrayList<>();
      ids.add(failed(seller, t, "ERR-407"));
      ids.add(failed(seller, t.plusSeconds(60), "ERR-211"));
      ids.add(shipped(seller, t.plusSeconds(120))); // a success ends the run
      ids.add(failed(seller, t.plusSeconds(180), "ERR-407"));
      ids.add(failed(seller, t.plusSeconds(240), "ERR-407"));
      awaitProcessed(ids.toArray(String[]::new));
      assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", seller)).as("two in a row, not three").isZero();
      String third = failed(seller, t.plusSeconds(300), "NOT_CONFIRMED_48H");
      awaitDecision("RSK-4", seller, "ACTIVE");
      FreezeGiftFeatureV1 freeze = EventSerde.deserialize(FreezeGiftFeatureV1.TYPE, reader.await(r -> seller.equals(r.key()), 1, WAIT).get(0).value());
      assertThat(freeze.sellerId()).isEqualTo(seller);
      assertThat(Db.string("SELECT evidence->>'eventIds' FROM decision WHERE subject_id = ?", seller)).contains(ids.get(3), ids.get(4), third)
          .doesNotContain(ids.get(0));
      assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ? AND evidence->'codes' = '[\"ERR-407\", \"ERR-407\", "
          + "\"NOT_CONFIRMED_48H\"]'::jsonb", seller)).isEqualTo(1);
    }
  }

  private static String attributed(String code, String device, String ipHash, String ua, Instant at) {
    String clickId = UUID.randomUUID().toString();
    Kafka.publishWithId(clickId, code, new ClickAttributedV1(clickId, code, "s5", device, ipHash, ua, at), at);
    return clickId;
  }

  @Test
  void aKnownBotUserAgentInvalidatesTheClick_RSK5() {
    Instant t = nextBase();
    String code = id("code");
    try (Kafka.Reader reader = Kafka.readFromNow(Topics.RISK_DECISIONS)) {
      String human = attributed(code, id("dev"), id("ip"), UA, t);
      String bot = attributed(code, id("dev"), id("ip"), "Mozilla/5.0 (compatible; Googlebot/2.1)", t.plusSeconds(1));
      String empty = attributed(code, id("dev"), id("ip"), null, t.plusSeconds(2));
      awaitDecision("RSK-5", bot, "ACTIVE");
      awaitDecision("RSK-5", empty, "ACTIVE");
      awaitProcessed(human);
      assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", human)).isZero();
      InvalidateClickV1 d = EventSerde.deserialize(InvalidateClickV1.TYPE, reader.await(r -> bot.equals(r.key()), 1, WAIT).get(0).value());
      assertThat(d.reason()).isEqualTo("BOT_USER_AGENT");
      assertThat(d.source()).isEqualTo("ATTRIBUTION");
      assertThat(d.linkOrCode()).isEqualTo(code);
    }
  }

  @Test
  void theSameDeviceOnTheSameCodeWithinAnHourCountsOnce_RSK5_ATR6() {
    Instant t = nextBase();
    String code = id("code");
    String device = id("dev");
    String first = attributed(code, device, id("ip"), UA, t);
    String otherCode = attributed(id("code"), device, id("ip"), UA, t.plusSeconds(60));
    awaitProcessed(first, otherCode);
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id IN (?, ?)", first, otherCode)).isZero();
    // a click of 5 minutes before, arriving late (within the grace): it is the first, so the other one is the duplicate
    String earlier = attributed(code, device, id("ip"), UA, t.minus(Duration.ofMinutes(5)));
    awaitDecision("RSK-5", first, "ACTIVE");
    assertThat(Db.string("SELECT reason FROM decision WHERE subject_id = ?", first)).isEqualTo("DUPLICATE");
    assertThat(Db.string("SELECT evidence->>'firstClickId' FROM decision WHERE subject_id = ?", first)).isEqualTo(earlier);
    String again = attributed(code, device, id("ip"), UA, t.plus(Duration.ofMinutes(50))); // 55 min after the earlier one
    String nextHour = attributed(code, device, id("ip"), UA, t.plus(Duration.ofMinutes(121))); // 71 min after the last one
    awaitDecision("RSK-5", again, "ACTIVE");
    awaitProcessed(nextHour);
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id IN (?, ?, ?)", earlier, otherCode, nextHour)).isZero();
  }

  // ATR-6, RSK-5, issue 15: the hour starts at the click that counted; the duplicates chained (each within an hour of the
  // previous duplicate), so a device clicking every 55 minutes was counted once forever
  @Test
  void aDeviceClickingEvery55MinutesCountsEveryOtherClick_RSK5_ATR6() {
    Instant t = nextBase();
    String code = id("code");
    String device = id("dev");
    List<String> clicks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      clicks.add(attributed(code, device, id("ip"), UA, t.plus(Duration.ofMinutes(55L * i))));
      awaitProcessed(clicks.get(i));
    }
    assertThat(Db.string("SELECT reason FROM decision WHERE subject_id = ?", clicks.get(1))).isEqualTo("DUPLICATE");
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", clicks.get(2))).as("110 min after the counted one").isZero();
    assertThat(Db.string("SELECT reason FROM decision WHERE subject_id = ?", clicks.get(3))).isEqualTo("DUPLICATE");
    assertThat(Db.string("SELECT evidence->>'firstClickId' FROM decision WHERE subject_id = ?", clicks.get(3))).isEqualTo(clicks.get(2));
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", clicks.get(0))).isZero();
  }

  @Test
  void aBurstOfShortLinkClicksFromOneAddressIsInvalidatedWhole_RSK5() {
    Instant t = nextBase();
    String ipHash = id("iphash");
    List<String> burst = new ArrayList<>();
    for (int i = 0; i < 21; i++) { // 21 clicks within 40 s: more than 20 within a minute
      String clickId = UUID.randomUUID().toString();
      Kafka.publishWithId(clickId, "code" + (i % 3), new LinkClickedV1(clickId, "code" + (i % 3), "s6", ipHash, "v" + i, "PHONE", "DE",
          "HUMAN", null, null, "TARGET", null, t.plusSeconds(2L * i)), t.plusSeconds(2L * i));
      burst.add(clickId);
    }
    String calm = UUID.randomUUID().toString(); // the same address ten minutes later: not part of the burst
    Kafka.publishWithId(calm, "code0", new LinkClickedV1(calm, "code0", "s6", ipHash, "v", "PHONE", "DE", "HUMAN", null, null, "TARGET",
        null, t.plus(Duration.ofMinutes(10))), t.plus(Duration.ofMinutes(10)));
    awaitProcessed(calm);
    org.awaitility.Awaitility.await().atMost(WAIT).until(() -> Db.count(
        "SELECT count(*) FROM decision WHERE rule = 'RSK-5' AND reason = 'IP_BURST' AND status = 'ACTIVE' AND subject_id = ANY(?)",
        (Object) burst.toArray(String[]::new)) == 21);
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", calm)).isZero();
    assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE type = 'risk.invalidate-click'")).isZero(); // all relayed
  }

  @Test
  void shortLinkClicksAlreadyClassifiedAsBotsAreNotCountedAgain_RSK5() {
    Instant t = nextBase();
    String ipHash = id("iphash");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String clickId = UUID.randomUUID().toString();
      Kafka.publishWithId(clickId, "code", new LinkClickedV1(clickId, "code", "s6", ipHash, "v", "BOT", null, "BOT", "HEAD_REQUEST", null,
          "TARGET", null, t.plusSeconds(i)), t.plusSeconds(i));
      ids.add(clickId);
    }
    awaitProcessed(ids.toArray(String[]::new));
    assertThat(Db.count("SELECT count(*) FROM click_fact WHERE ip_hash = ?", ipHash)).isZero();
  }

  private static String kpi(String supplier, String day, long fulfilmentBp, long qcBp, long turnover, Instant at) {
    return Kafka.publish(supplier, new SupplierKpiMeasuredV1(supplier, day, fulfilmentBp, qcBp, turnover, at), at);
  }

  @Test
  void directKpisWarnAndPauseNewListings_RSK6() {
    Instant t = nextBase();
    String supplier = id("sup");
    java.time.LocalDate d0 = t.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    try (Kafka.Reader reader = Kafka.readFromNow(Topics.RISK_DECISIONS)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 6; i++) { // six days below 98%
        ids.add(kpi(supplier, d0.plusDays(i).toString(), 9790, 9700, 40, t.plus(Duration.ofDays(i))));
      }
      awaitProcessed(ids.toArray(String[]::new));
      assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", supplier)).as("six days are not seven").isZero();
      kpi(supplier, d0.plusDays(6).toString(), 9790, 9700, 40, t.plus(Duration.ofDays(6)));
      awaitDecision("RSK-6", supplier, "ACTIVE");
      KpiWarningV1 w = EventSerde.deserialize(KpiWarningV1.TYPE, reader.await(r -> supplier.equals(r.key()), 1, WAIT).get(0).value());
      assertThat(w.kpi()).isEqualTo("FULFILMENT_RATE");
      assertThat(Db.string("SELECT evidence->>'firstDay' FROM decision WHERE subject_id = ?", supplier)).isEqualTo(d0.toString());

      // QC below 95% pauses new listings; turnover above 60 days warns; a good fulfilment day resolves the fulfilment warning
      kpi(supplier, d0.plusDays(7).toString(), 9900, 9400, 61, t.plus(Duration.ofDays(7)));
      org.awaitility.Awaitility.await().atMost(WAIT).until(() -> Db.count(
          "SELECT count(*) FROM decision WHERE subject_id = ? AND status = 'ACTIVE' AND reason IN ('QC_FIRST_PASS', 'INVENTORY_TURNOVER')",
          supplier) == 2);
      assertThat(Db.string("SELECT action FROM decision WHERE subject_id = ? AND reason = 'QC_FIRST_PASS'", supplier))
          .isEqualTo("PAUSE_NEW_LISTINGS");
      assertThat(Db.string("SELECT status FROM decision WHERE subject_id = ? AND reason = 'FULFILMENT_RATE'", supplier)).isEqualTo("RESOLVED");
      var types = reader.await(r -> supplier.equals(r.key()), 2, WAIT).stream().map(r -> Kafka.header(r, "ce_type")).toList();
      assertThat(types).containsExactlyInAnyOrder("risk.pause-new-listings", "risk.kpi-warning");
    }
    assertThat(decisions("RSK-6", supplier, "SHADOW")).isZero();
  }
}
