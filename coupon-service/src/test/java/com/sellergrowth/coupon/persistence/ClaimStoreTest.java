package com.sellergrowth.coupon.persistence;

import static com.sellergrowth.coupon.persistence.CouponQueries.odt;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellergrowth.coupon.persistence.ClaimStore.ClaimRow;
import com.sellergrowth.coupon.persistence.ClaimStore.ClaimRowKey;
import com.sellergrowth.coupon.persistence.ClaimStore.NewClaim;
import com.sellergrowth.coupon.persistence.ClaimStore.NewRefusal;
import com.sellergrowth.coupon.persistence.ClaimStore.Stored;
import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.coupon.ClaimRejectedV1;
import com.sellergrowth.events.coupon.CouponClaimedV1;
import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claim path's batched statements (ADR 7) against the real PostgreSQL: one statement answers every claim of a batch on
 * its own terms, and a batch never stores a second claim for a buyer, nor the event of a claim it did not store.
 */
@QuarkusTest
class ClaimStoreTest {

  @Inject
  ClaimStore store;

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }

  // CPN-3
  @Test
  void aBatchStoresEachNewClaimWithItsEventAndSkipsABuyerWhoAlreadyHoldsOne_CPN3() {
    Shop shop = eligibleShop();
    UUID coupon = UUID.fromString(createCoupon(shop));
    String holder = uid("buyer");
    assertThat(store.insertClaims(List.of(claim(coupon, shop, holder))).await().atMost(Fixtures.WAIT)).containsExactly(Stored.STORED);

    String b = uid("buyer");
    String c = uid("buyer");
    List<NewClaim> batch = List.of(claim(coupon, shop, b), claim(coupon, shop, holder), claim(coupon, shop, c), claim(coupon, shop, b));
    List<String> published = new ArrayList<>();
    try (Kafka.Reader events = Kafka.readFromNow(Topics.COUPON_EVENTS)) {
      assertThat(store.insertClaims(batch).await().atMost(Fixtures.WAIT))
          .containsExactly(Stored.STORED, Stored.DUPLICATE, Stored.STORED, Stored.DUPLICATE);
      String lastStored = batch.get(2).claim().id.toString();
      events.await(r -> {
        if (coupon.toString().equals(r.key())) {
          published.add(r.value());
        }
        return r.value().contains(lastStored);
      }, 1, Fixtures.WAIT);
    }
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?", coupon)).isEqualTo(3);
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ? AND buyer_id = ?", coupon, b)).isEqualTo(1);
    // events go out in the batch's order on the coupon's partition: by the time the last stored one arrived, a skipped one would have too
    assertThat(published).anyMatch(v -> v.contains(batch.get(0).claim().id.toString()));
    for (NewClaim skipped : List.of(batch.get(1), batch.get(3))) {
      assertThat(published).noneMatch(v -> v.contains(skipped.claim().id.toString()));
      assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE id = ?", skipped.claim().id)).isZero();
    }
  }

  // CPN-3 held by PostgreSQL whatever Redis says (issue 15): a batch that would pass the total stores the claims that fit, in
  // order, and answers why the others were not stored; the budget likewise
  @Test
  void postgresCountsTheTotalAndTheBudgetItselfAndStoresOnlyTheClaimsThatFit_CPN3() {
    Shop shop = eligibleShop();
    Map<String, Object> body = Fixtures.couponBody(shop);
    body.put("totalQuantity", 3);
    UUID coupon = UUID.fromString(createCoupon(shop, body));
    assertThat(store.insertClaims(List.of(claim(coupon, shop, uid("buyer")))).await().atMost(Fixtures.WAIT)).containsExactly(Stored.STORED);

    List<NewClaim> batch = List.of(claim(coupon, shop, uid("buyer")), claim(coupon, shop, uid("buyer")), claim(coupon, shop, uid("buyer")),
        claim(coupon, shop, uid("buyer")));
    assertThat(store.insertClaims(batch).await().atMost(Fixtures.WAIT))
        .containsExactly(Stored.STORED, Stored.STORED, Stored.SOLD_OUT, Stored.SOLD_OUT);
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?", coupon)).isEqualTo(3);
    assertThat(Db.count("SELECT claims FROM coupon_issuance WHERE coupon_id = ?", coupon)).isEqualTo(3);
    assertThat(store.issuance(coupon).await().atMost(Fixtures.WAIT)).isEqualTo(new ClaimStore.Issuance(3, 15_00));

    Map<String, Object> budgeted = Fixtures.couponBody(shop);
    budgeted.put("budgetMinor", 2 * 5_00 + 4_99); // two coupons of 5.00, not three
    UUID second = UUID.fromString(createCoupon(shop, budgeted));
    assertThat(store.insertClaims(List.of(claim(second, shop, uid("buyer")), claim(second, shop, uid("buyer")), claim(second, shop, uid("buyer"))))
        .await().atMost(Fixtures.WAIT)).containsExactly(Stored.STORED, Stored.STORED, Stored.BUDGET_EXHAUSTED);
  }

  // CPN-3: any other way in (a hand-written insert, a future code path) meets the same count in a trigger
  @Test
  void aStatementThatWouldPassTheTotalIsRefusedWhole_CPN3() throws Exception {
    Shop shop = eligibleShop();
    Map<String, Object> body = Fixtures.couponBody(shop);
    body.put("totalQuantity", 1);
    UUID coupon = UUID.fromString(createCoupon(shop, body));
    String insert = "INSERT INTO coupon_claim(id, coupon_id, seller_id, buyer_id, face_value_minor, status, buyer_country, claimed_at)"
        + " VALUES (gen_random_uuid(), ?, ?, ?, 500, 'UNUSED', 'US', now())";
    try (java.sql.Connection db = Db.open(); java.sql.PreparedStatement ps = db.prepareStatement(insert)) {
      ps.setObject(1, coupon);
      ps.setString(2, shop.sellerId());
      ps.setString(3, uid("buyer"));
      assertThat(ps.executeUpdate()).isEqualTo(1);
      ps.setString(3, uid("buyer"));
      assertThatThrownBy(ps::executeUpdate).isInstanceOf(java.sql.SQLException.class)
          .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).isEqualTo("CP003"));
    }
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?", coupon)).isEqualTo(1);
    assertThat(Db.count("SELECT claims FROM coupon_issuance WHERE coupon_id = ?", coupon)).isEqualTo(1);
  }

  // CPN-8
  @Test
  void oneReadAnswersEachClaimOfABatchOnItsOwnTermsAndNothingForAnUnknownCoupon_CPN8() {
    Shop shop = eligibleShop(); // its SKU's stock was synced one minute after its observation, at the clock's now
    UUID coupon = UUID.fromString(createCoupon(shop));
    Instant now = TestClock.get().now();
    Instant syncedAt = now;
    ClaimRowKey fresh = new ClaimRowKey(coupon, uid("buyer"), "US", odt(now.minus(Duration.ofDays(30))), odt(syncedAt.minusSeconds(1)));
    ClaimRowKey unknown = new ClaimRowKey(UUID.randomUUID(), uid("buyer"), "US", odt(now), odt(now));
    ClaimRowKey overdue = new ClaimRowKey(coupon, uid("buyer"), "FR", odt(now.minus(Duration.ofDays(30))), odt(syncedAt.plusSeconds(1)));

    List<Optional<ClaimRow>> rows = store.readRows(List.of(fresh, unknown, overdue)).await().atMost(Fixtures.WAIT);

    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).isEmpty();
    ClaimRow first = rows.get(0).orElseThrow();
    ClaimRow third = rows.get(2).orElseThrow();
    assertThat(first.sellerId()).isEqualTo(shop.sellerId());
    assertThat(first.check().buyerCountry()).isEqualTo("US");
    assertThat(third.check().buyerCountry()).isEqualTo("FR");
    assertThat(first.check().poolSellableSkus()).isEqualTo(1);
    assertThat(first.check().poolStockStale()).as("synced after the overdue line").isFalse();
    assertThat(third.check().poolStockStale()).as("synced before the overdue line").isTrue();
  }

  // CPN-10
  @Test
  void aBatchOfRefusalsRecordsEachWithItsCodeAndPublishesEachInOrder_CPN10() {
    Shop shop = eligibleShop();
    UUID coupon = UUID.fromString(createCoupon(shop));
    Instant now = TestClock.get().now();
    List<NewRefusal> batch = new ArrayList<>();
    for (String code : List.of("ERR_SOLD_OUT", "ERR_COUPON_REGION", "ERR_SOLD_OUT")) {
      String buyer = uid("buyer");
      ClaimRejectedV1 event = new ClaimRejectedV1(coupon.toString(), shop.sellerId(), buyer, code, "US", "10.9.0.2", now);
      batch.add(new NewRefusal(coupon, buyer, code, "US", "10.9.0.2", now, Outbox.row(coupon.toString(), event, now)));
    }
    try (Kafka.Reader events = Kafka.readFromNow(Topics.COUPON_EVENTS)) {
      assertThat(store.insertRefusals(batch).await().atMost(Fixtures.WAIT)).containsExactly(true, true, true);
      var published = events.await(r -> coupon.toString().equals(r.key()) && "coupon.claim-rejected".equals(Kafka.header(r, "ce_type")), 3,
          Fixtures.WAIT);
      for (int i = 0; i < 3; i++) {
        assertThat(published.get(i).value()).contains(batch.get(i).buyerId(), batch.get(i).code());
      }
    }
    for (NewRefusal r : batch) {
      assertThat(Db.string("SELECT code FROM claim_refusal WHERE coupon_id = ? AND buyer_id = ? AND stage = 'CLAIM'", coupon, r.buyerId()))
          .isEqualTo(r.code());
    }
  }

  private static NewClaim claim(UUID coupon, Shop shop, String buyer) {
    Instant now = TestClock.get().now();
    CouponClaim c = new CouponClaim();
    c.id = UUID.randomUUID();
    c.couponId = coupon;
    c.sellerId = shop.sellerId();
    c.buyerId = buyer;
    c.faceValueMinor = 5_00;
    c.status = "UNUSED";
    c.buyerCountry = "US";
    c.ip = "10.9.0.1";
    c.claimedAt = now;
    CouponClaimedV1 event = new CouponClaimedV1(coupon.toString(), c.id.toString(), shop.sellerId(), buyer, "US", null, c.ip, null, now);
    return new NewClaim(c, Outbox.row(coupon.toString(), event, now));
  }
}
