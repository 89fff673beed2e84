package com.sellergrowth.coupon.messaging;

import static com.sellergrowth.coupon.testsupport.Fixtures.claim;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.coupon.CouponPausedV1;
import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.support.outbox.OutboxRelay;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relay starts its batches after the last id it published (so it does not walk the deleted head of the outbox on every
 * tick); a row that commits after rows with higher ids were published must still go out (STYLE 5: nothing lost).
 */
@QuarkusTest
class OutboxRelayTest {
  @jakarta.inject.Inject
  OutboxRelay relay;

  @Test
  void aRowThatCommitsAfterRowsWithHigherIdsWerePublishedIsStillPublished() throws Exception {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    Outbox.Row late = Outbox.row(coupon, new CouponPausedV1(coupon, shop.sellerId(), "SELLER", "held open by the test", null,
        TestClock.get().now()), TestClock.get().now());
    try (Kafka.Reader events = Kafka.readFromNow(Topics.COUPON_EVENTS); Connection tx = Db.open()) {
      tx.setAutoCommit(false);
      long lateId;
      try (PreparedStatement ps = tx.prepareStatement("INSERT INTO outbox_event(" + Outbox.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " RETURNING id")) {
        Object[] values = late.values();
        for (int i = 0; i < values.length; i++) {
          ps.setObject(i + 1, values[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          lateId = rs.getLong(1);
        }
      }
      // a claim commits a row with a higher id, and the relay publishes it while the first row is still uncommitted
      String buyer = uid("buyer");
      claim(coupon, buyer, "US", "10.8.0.1").then().statusCode(201);
      events.await(r -> coupon.equals(r.key()) && r.value().contains(buyer), 1, Fixtures.WAIT);
      await().atMost(Fixtures.WAIT)
          .until(() -> Db.count("SELECT count(*) FROM outbox_event WHERE id > ? AND msg_key = ?", lateId, coupon) == 0);

      tx.commit();
      var published = events.await(r -> late.eventId().toString().equals(Kafka.header(r, "ce_id")), 1, Fixtures.WAIT);
      assertThat(published.get(0).key()).isEqualTo(coupon);
    }
    assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE event_id = ?", late.eventId())).isZero();
  }

  // Issue 15: with SKIP LOCKED, a second instance's relay published the rows after those a first instance held (a coupon's
  // resumed before its paused); now one relay publishes at a time, and when the first gives up its batch the rows go out in
  // their order
  @Test
  void whileOneRelayHoldsItsBatchNoOtherPublishesTheRowsAfterIt() throws Exception {
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    java.time.Instant now = TestClock.get().now();
    Outbox.Row paused = Outbox.row(coupon, new CouponPausedV1(coupon, shop.sellerId(), "SELLER", "first", null, now), now);
    Outbox.Row resumed = Outbox.row(coupon, new com.sellergrowth.events.coupon.CouponResumedV1(coupon, shop.sellerId(), "SELLER", null, now), now);
    try (Kafka.Reader events = Kafka.readFromNow(Topics.COUPON_EVENTS); Connection otherRelay = Db.open()) {
      otherRelay.setAutoCommit(false);
      long pausedId = insert(otherRelay, paused); // committed below, before the other relay takes its batch
      otherRelay.commit();
      // the other instance's relay: its lock, and its batch of rows (the paused one) locked while it sends them
      try (java.sql.Statement st = otherRelay.createStatement()) {
        st.executeQuery(OutboxRelay.LOCK).close();
        st.executeQuery("SELECT id FROM outbox_event WHERE id = " + pausedId + " FOR UPDATE").close();
      }
      try (Connection writer = Db.open()) {
        insert(writer, resumed); // autocommit: committed at once
      }
      // this instance's relay (its timer too) publishes nothing meanwhile: with SKIP LOCKED it published the resumed row
      assertThat(relay.publishBatch().await().atMost(Fixtures.WAIT)).isZero();
      assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE event_id = ?", resumed.eventId())).isEqualTo(1);
      otherRelay.rollback(); // the other instance failed its batch: the rows stay, and go out in order from here
      List<String> order = new java.util.ArrayList<>();
      events.await(r -> {
        String id = Kafka.header(r, "ce_id");
        if (paused.eventId().toString().equals(id) || resumed.eventId().toString().equals(id)) {
          order.add(id);
        }
        return resumed.eventId().toString().equals(id);
      }, 1, Fixtures.WAIT);
      assertThat(order).containsExactly(paused.eventId().toString(), resumed.eventId().toString());
    }
  }

  private static long insert(Connection db, Outbox.Row row) throws java.sql.SQLException {
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO outbox_event(" + Outbox.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " RETURNING id")) {
      Object[] values = row.values();
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
