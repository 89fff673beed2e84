package com.sellergrowth.coupon.messaging;

import static com.sellergrowth.coupon.testsupport.Fixtures.claim;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.coupon.CouponPausedV1;
import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The relay starts its batches after the last id it published (so it does not walk the deleted head of the outbox on every
 * tick); a row that commits after rows with higher ids were published must still go out (STYLE 5: nothing lost).
 */
@QuarkusTest
class OutboxRelayTest {

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
}
