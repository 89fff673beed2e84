package com.sellergrowth.shortlink.messaging;

import static com.sellergrowth.shortlink.testsupport.Fixtures.DESKTOP;
import static com.sellergrowth.shortlink.testsupport.Fixtures.HOST;
import static com.sellergrowth.shortlink.testsupport.Fixtures.WAIT;
import static com.sellergrowth.shortlink.testsupport.Fixtures.createLink;
import static com.sellergrowth.shortlink.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.shortlink.testsupport.Fixtures.ip;
import static com.sellergrowth.shortlink.testsupport.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.Topics;
import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.events.risk.InvalidateClickV1;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.shortlink.testsupport.Fixtures;
import com.sellergrowth.shortlink.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RSK-5 obeyed: a click risk-service invalidates leaves the link's valid stats with its reason; a release brings it back. */
@QuarkusTest
class InvalidatedClicksTest {

  @BeforeEach
  void ready() {
    TestClock.get().reset();
    Fixtures.awaitClickConsumer();
  }

  private static InvalidateClickV1 invalidate(String clickId, String code, Seller s, String source) {
    return invalidate(clickId, code, s, source, clickId);
  }

  private static InvalidateClickV1 invalidate(String clickId, String code, Seller s, String source, String key) {
    String decisionId = UUID.randomUUID().toString();
    InvalidateClickV1 d = new InvalidateClickV1(decisionId, "RSK-5", clickId, source, code, s.id(), "IP_BURST", TestClock.get().now());
    Kafka.publishWithId(decisionId, key, d, TestClock.get().now());
    return d;
  }

  @Test
  void anInvalidatedClickLeavesTheValidStatsWithItsReasonAndAReleaseBringsItBack_RSK5() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/1");
    for (int i = 0; i < 3; i++) {
      visit(code, ip(), DESKTOP).then().statusCode(302);
    }
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM link_click WHERE code = ?", code) == 3);
    assertThat(ClickStatsTest.stats(s, code).getLong("pv")).isEqualTo(3);
    String clickId = Db.string("SELECT click_id::text FROM link_click WHERE code = ? ORDER BY click_id LIMIT 1", code);

    InvalidateClickV1 d = invalidate(clickId, code, s, "SHORTLINK");
    await().atMost(WAIT).until(() -> "IP_BURST".equals(Db.string("SELECT invalid_reason FROM link_click WHERE click_id = ?::uuid", clickId)));
    var stats = ClickStatsTest.stats(s, code);
    assertThat(stats.getLong("pv")).isEqualTo(2);
    assertThat(stats.getLong("uv")).isEqualTo(2);
    assertThat(stats.getLong("invalid")).isEqualTo(1);

    Kafka.publish(clickId, new DecisionReleasedV1(d.decisionId(), "CLICK", clickId, "op-ana", "genuine", TestClock.get().now()),
        TestClock.get().now());
    await().atMost(WAIT).until(() -> Db.string("SELECT invalid_reason FROM link_click WHERE click_id = ?::uuid", clickId) == null
        && Db.count("SELECT count(*) FROM click_invalidation WHERE click_id = ?::uuid", clickId) == 0);
    assertThat(ClickStatsTest.stats(s, code).getLong("pv")).isEqualTo(3);
  }

  @Test
  void anInvalidationArrivingBeforeItsClickIsAppliedWhenTheClickIsStored_RSK5() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/2");
    String clickId = UUID.randomUUID().toString();
    invalidate(clickId, code, s, "SHORTLINK");
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM click_invalidation WHERE click_id = ?::uuid", clickId) == 1);
    Instant now = TestClock.get().now();
    Kafka.publishWithId(clickId, code, new LinkClickedV1(clickId, code, s.id(), "iphash", "visitor", "DESKTOP", "FR", "HUMAN", null, null,
        "TARGET", null, now), now);
    await().atMost(WAIT).until(() -> "IP_BURST".equals(Db.string("SELECT invalid_reason FROM link_click WHERE click_id = ?::uuid", clickId)));
    assertThat(ClickStatsTest.stats(s, code).getLong("pv")).isZero();
  }

  @Test
  void invalidationsOfOtherServicesClicksAndMalformedOnesChangeNothingHere() {
    Seller s = eligibleSeller();
    String clickId = UUID.randomUUID().toString();
    try (Kafka.Reader dlq = Kafka.readFromNow(Topics.dlq(Topics.RISK_DECISIONS))) {
      // one key, one partition: once the second is dead-lettered, the first was handled
      invalidate(clickId, "mkt-code", s, "ATTRIBUTION", "not-a-uuid");
      invalidate("not-a-uuid", "code", s, "SHORTLINK", "not-a-uuid");
      var dead = dlq.await(r -> "not-a-uuid".equals(r.key()), 1, WAIT);
      assertThat(Kafka.header(dead.get(0), "dead-letter-reason")).contains("not a click id");
    }
    assertThat(Db.count("SELECT count(*) FROM click_invalidation WHERE click_id = ?::uuid", clickId)).isZero();
  }
}
