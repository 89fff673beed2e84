package com.sellergrowth.risk.engine;

import static com.sellergrowth.risk.testsupport.Fixtures.WAIT;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitDecision;
import static com.sellergrowth.risk.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.risk.testsupport.Fixtures.claim;
import static com.sellergrowth.risk.testsupport.Fixtures.couponId;
import static com.sellergrowth.risk.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.risk.testsupport.Fixtures.decisions;
import static com.sellergrowth.risk.testsupport.Fixtures.id;
import static com.sellergrowth.risk.testsupport.Fixtures.nextBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.coupon.CouponRedeemedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.events.risk.PauseCouponV1;
import com.sellergrowth.events.risk.ResumeCouponV1;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RSK-1, RSK-2, RSK-3 against the real broker and database: events in, decisions on risk.decisions out. */
@QuarkusTest
class CouponRulesTest {

  @org.junit.jupiter.api.BeforeEach
  void consumerReady() {
    com.sellergrowth.risk.testsupport.Fixtures.awaitConsumer();
  }

  @Test
  void sixClaimsOfOneCouponFromOneAddressWithinAnHourPauseItWithTheEvidence_RSK1() {
    Instant t = nextBase();
    String coupon = couponId();
    List<String> ids = new ArrayList<>();
    try (Kafka.Reader reader = Kafka.readFromNow(Topics.RISK_DECISIONS)) {
      for (int i = 0; i < 6; i++) {
        ids.add(claim(coupon, "s1", "203.0.113.7", t.plus(Duration.ofMinutes(11L * i)))); // 0..55 min
      }
      claim(coupon, "s1", "198.51.100.1", t.plus(Duration.ofMinutes(20))); // another address: not evidence
      awaitDecision("RSK-1", coupon, "ACTIVE");
      var records = reader.await(r -> coupon.equals(r.key()), 1, WAIT);
      assertThat(Kafka.header(records.get(0), "ce_type")).isEqualTo("risk.pause-coupon");
      PauseCouponV1 pause = EventSerde.deserialize(PauseCouponV1.TYPE, records.get(0).value());
      assertThat(pause.rule()).isEqualTo("RSK-1");
      assertThat(pause.couponId()).isEqualTo(coupon);
      assertThat(pause.occurredAt()).isEqualTo(t.plus(Duration.ofMinutes(55))); // event time, not the wall clock
      assertThat(Kafka.header(records.get(0), "ce_id")).isEqualTo(pause.decisionId()); // consumers dedupe on the decision id
    }
    assertThat(Db.string("SELECT evidence->>'eventIds' FROM decision WHERE rule = 'RSK-1' AND subject_id = ?", coupon))
        .contains(ids.toArray(String[]::new));
    assertThat(Db.string("SELECT window_from || ' ' || window_to FROM decision WHERE subject_id = ?", coupon)).isNotNull();
    // a seventh claim in the same burst makes no second decision
    awaitProcessed(claim(coupon, "s1", "203.0.113.7", t.plus(Duration.ofMinutes(56))));
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", coupon)).isEqualTo(1);
  }

  @Test
  void theSameSixClaimsSpreadOver61MinutesPauseNothing_RSK1() {
    Instant t = nextBase();
    String coupon = couponId();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(claim(coupon, "s1", "203.0.113.8", t.plus(Duration.ofSeconds(61L * 60 * i / 5))));
    }
    awaitProcessed(ids.toArray(String[]::new));
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", coupon)).isZero();
    assertThat(Db.count("SELECT claims FROM coupon_fact WHERE coupon_id = ?", coupon)).isEqualTo(6);
  }

  @Test
  void aClaimTooLateForTheGraceCountsForNothingAndALateOneWithinItCompletesABurst_RSK8() {
    Instant t = nextBase();
    String coupon = couponId();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) { // five claims at 0..40 min from one address
      ids.add(claim(coupon, "s1", "203.0.113.9", t.plus(Duration.ofMinutes(10L * i))));
    }
    // another address moves the partition's stream time to +60 min (same key, same partition)
    ids.add(claim(coupon, "s1", "198.51.100.9", t.plus(Duration.ofMinutes(60))));
    awaitProcessed(ids.toArray(String[]::new));
    // a claim from +5 min arriving now is 55 minutes behind the stream time, beyond the 10-minute grace: it counts for nothing
    String tooLate = claim(coupon, "s1", "203.0.113.9", t.plus(Duration.ofMinutes(5)));
    awaitProcessed(tooLate);
    assertThat(Db.count("SELECT count(*) FROM claim_fact WHERE event_id = ?", tooLate)).isZero();
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", coupon)).isZero();
    // a claim from +55 min is 5 minutes behind: within the grace, it is the sixth within the hour and pauses the coupon
    String late = claim(coupon, "s1", "203.0.113.9", t.plus(Duration.ofMinutes(55)));
    awaitDecision("RSK-1", coupon, "ACTIVE");
    assertThat(Db.string("SELECT evidence->>'eventIds' FROM decision WHERE subject_id = ?", coupon)).contains(late).doesNotContain(tooLate);
  }

  @Test
  void aCouponRarelyRedeemedIsPausedWithAReportOnceOldAndClaimedEnough_RSK2() {
    Instant t = nextBase();
    String coupon = couponId();
    String healthy = couponId();
    List<String> ids = new ArrayList<>();
    ids.add(createCoupon(coupon, "s2", List.of("spu-1"), t));
    ids.add(createCoupon(healthy, "s2", List.of("spu-1"), t));
    for (int i = 0; i < 50; i++) {
      ids.add(claim(coupon, "s2", null, t.plus(Duration.ofMinutes(i))));
      ids.add(claim(healthy, "s2", null, t.plus(Duration.ofMinutes(i))));
    }
    for (int i = 0; i < 7; i++) { // 7 of 50 = 14% < 15%
      ids.add(Kafka.publish(coupon, new CouponRedeemedV1(coupon, "c" + i, "s2", "b", "o" + i, 3000, 500, "USD", t.plus(Duration.ofHours(2))),
          t.plus(Duration.ofHours(2))));
    }
    for (int i = 0; i < 8; i++) { // 8 of 50 = 16%
      ids.add(Kafka.publish(healthy, new CouponRedeemedV1(healthy, "c" + i, "s2", "b", "o" + i, 3000, 500, "USD", t.plus(Duration.ofHours(2))),
          t.plus(Duration.ofHours(2))));
    }
    awaitProcessed(ids.toArray(String[]::new));
    assertThat(decisions("RSK-2", coupon, "ACTIVE")).as("younger than min-age (72 h) in event time").isZero();
    // any coupon event 72 hours on moves the coupon stream's time past min-age
    claim(couponId(), "s-other", null, t.plus(Duration.ofHours(73)));
    awaitDecision("RSK-2", coupon, "ACTIVE");
    assertThat(decisions("RSK-2", healthy, "ACTIVE")).isZero();
    assertThat(Db.string("SELECT evidence->>'redemptionRatePct' FROM decision WHERE rule = 'RSK-2' AND subject_id = ?", coupon)).isEqualTo("14.00");
  }

  @Test
  void aLateStockSyncOfThePoolPausesTheCouponUntilATimelySyncArrives_RSK3() {
    Instant t = nextBase();
    String coupon = couponId();
    String seller = id("seller");
    String unrelated = couponId();
    awaitProcessed(createCoupon(coupon, seller, List.of("spu-A"), t), createCoupon(unrelated, seller, List.of("spu-B"), t));
    try (Kafka.Reader reader = Kafka.readFromNow(Topics.RISK_DECISIONS)) {
      // observed at t+1m, arrived at t+5m: 4 minutes after observation, 1 minute late (CPN-8: 3 minutes allowed)
      Kafka.publish("sku-A1", new StockSyncedV1("sku-A1", seller, "spu-A", "cat", null, 10, true, null, null, "PLATFORM",
          t.plus(Duration.ofMinutes(1))), t.plus(Duration.ofMinutes(5)));
      awaitDecision("RSK-3", coupon, "ACTIVE");
      PauseCouponV1 pause = EventSerde.deserialize(PauseCouponV1.TYPE, reader.await(r -> coupon.equals(r.key()), 1, WAIT).get(0).value());
      assertThat(pause.reason()).contains("sku-A1").contains("+240s");
      assertThat(Db.string("SELECT evidence->'lateSkus'->0->>'lateBySeconds' FROM decision WHERE rule = 'RSK-3' AND subject_id = ?", coupon))
          .isEqualTo("60");
      assertThat(decisions("RSK-3", unrelated, "ACTIVE")).isZero();

      // a timely sync (2 minutes) of the same SKU resolves it and resumes the coupon
      Kafka.publish("sku-A1", new StockSyncedV1("sku-A1", seller, "spu-A", "cat", null, 9, true, null, null, "PLATFORM",
          t.plus(Duration.ofMinutes(20))), t.plus(Duration.ofMinutes(22)));
      awaitDecision("RSK-3", coupon, "RESOLVED");
      var resume = reader.await(r -> coupon.equals(r.key()) && "risk.resume-coupon".equals(Kafka.header(r, "ce_type")), 1, WAIT);
      ResumeCouponV1 r = EventSerde.deserialize(ResumeCouponV1.TYPE, resume.get(0).value());
      assertThat(r.resolvesDecisionId()).isEqualTo(pause.decisionId());
    }
  }

  @Test
  void anOlderObservationArrivingLateChangesNothing_RSK3() {
    Instant t = nextBase();
    String coupon = couponId();
    String seller = id("seller");
    awaitProcessed(createCoupon(coupon, seller, List.of("spu-C"), t));
    awaitProcessed(Kafka.publish("sku-C1", new StockSyncedV1("sku-C1", seller, "spu-C", "cat", null, 10, true, null, null, "PLATFORM",
        t.plus(Duration.ofMinutes(30))), t.plus(Duration.ofMinutes(31))));
    // an observation older than the stored one, arriving 8 minutes after it was made: the newest observation wins
    awaitProcessed(Kafka.publish("sku-C1", new StockSyncedV1("sku-C1", seller, "spu-C", "cat", null, 10, true, null, null, "PLATFORM",
        t.plus(Duration.ofMinutes(25))), t.plus(Duration.ofMinutes(33))));
    assertThat(Db.count("SELECT count(*) FROM decision WHERE subject_id = ?", coupon)).isZero();
    await().atMost(WAIT).until(() -> Db.count("SELECT delay_ms FROM sku_fact WHERE sku = 'sku-C1'") == 60_000);
  }
}
