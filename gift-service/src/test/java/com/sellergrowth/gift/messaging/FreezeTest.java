package com.sellergrowth.gift.messaging;

import static com.sellergrowth.gift.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.gift.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.gift.testsupport.Fixtures.giftOnOffer;
import static com.sellergrowth.gift.testsupport.Fixtures.order;
import static com.sellergrowth.gift.testsupport.Fixtures.outcome;
import static com.sellergrowth.gift.testsupport.Fixtures.paid;
import static com.sellergrowth.gift.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.events.risk.FreezeGiftFeatureV1;
import com.sellergrowth.gift.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GFT-9 as risk-service's decisions reach the service: frozen, no new dispatches and the seller told why; released, resumed. */
@QuarkusTest
class FreezeTest {

  @BeforeEach
  void clock() {
    TestClock.get().reset();
  }

  @Test
  void whileFrozenNoDispatchIsMadeAndTheSellerSeesWhyAndSinceWhenThenTheReleaseResumesIt_GFT9() {
    Seller s = eligibleSeller();
    String gift = giftOnOffer(s, 5);
    Instant at = TestClock.get().now();
    String decision = UUID.randomUUID().toString();
    try (Kafka.Reader r = Kafka.readFromNow("gift.events")) {
      awaitProcessed(Kafka.publish(s.id(), new FreezeGiftFeatureV1(decision, "RSK-4", s.id(), "3 consecutive gift dispatch failures", at), at));
      r.await(rec -> rec.key().equals(s.id()) && "gift.feature-frozen".equals(Kafka.header(rec, "ce_type")), 1, Duration.ofSeconds(20));
    }
    given().auth().oauth2(s.token()).get("/v1/gift-feature").then().statusCode(200).body("frozen", equalTo(true))
        .body("frozenSince", equalTo(at.toString())).body("frozenReason", equalTo("3 consecutive gift dispatch failures"))
        .body("decisionId", equalTo(decision));
    OrderSnapshot whileFrozen = order(s, uid("buyer"), "US", 5_000, "c");
    paid(whileFrozen);
    assertThat(outcome(whileFrozen.orderId())).isEqualTo("FROZEN");
    assertThat(Db.count("SELECT count(*) FROM dispatch WHERE order_id = ?", whileFrozen.orderId())).isZero();

    // a release of another decision changes nothing; the release of this one unfreezes
    awaitProcessed(Kafka.publish(s.id(), new DecisionReleasedV1(UUID.randomUUID().toString(), "GIFT_FEATURE", s.id(), "op-1", "old", at), at));
    given().auth().oauth2(s.token()).get("/v1/gift-feature").then().body("frozen", equalTo(true));
    awaitProcessed(Kafka.publish(s.id(), new DecisionReleasedV1(decision, "GIFT_FEATURE", s.id(), "op-1", "packaging fixed", at), at));
    given().auth().oauth2(s.token()).get("/v1/gift-feature").then().body("frozen", equalTo(false)).body("frozenSince", nullValue());
    OrderSnapshot after = order(s, uid("buyer"), "US", 5_000, "c");
    paid(after);
    assertThat(outcome(after.orderId())).isEqualTo("DISPATCHED");
  }

  @Test
  void otherSellersAndOtherDecisionsAreNotTouched_GFT9() {
    Seller frozen = eligibleSeller();
    Seller other = eligibleSeller();
    String gift = giftOnOffer(other, 5);
    Instant at = TestClock.get().now();
    awaitProcessed(Kafka.publish(frozen.id(), new FreezeGiftFeatureV1(UUID.randomUUID().toString(), "RSK-4", frozen.id(), "x", at), at));
    // a click's release is not the gift feature's (it is acknowledged, not recorded: a freeze behind it on the same key shows it was read)
    Kafka.publish(frozen.id(), new DecisionReleasedV1(UUID.randomUUID().toString(), "CLICK", frozen.id(), "op", "n", at), at);
    awaitProcessed(Kafka.publish(frozen.id(), new FreezeGiftFeatureV1(UUID.randomUUID().toString(), "RSK-4", uid("seller"), "y", at), at));
    given().auth().oauth2(frozen.token()).get("/v1/gift-feature").then().body("frozen", equalTo(true));
    OrderSnapshot o = order(other, uid("buyer"), "US", 5_000, "c");
    paid(o);
    assertThat(outcome(o.orderId())).isEqualTo("DISPATCHED");
  }
}
