package com.sellergrowth.attribution.messaging;

import static com.sellergrowth.attribution.testsupport.Fixtures.BROWSER;
import static com.sellergrowth.attribution.testsupport.Fixtures.HOST;
import static com.sellergrowth.attribution.testsupport.Fixtures.WAIT;
import static com.sellergrowth.attribution.testsupport.Fixtures.awaitClick;
import static com.sellergrowth.attribution.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.attribution.testsupport.Fixtures.clickIdOf;
import static com.sellergrowth.attribution.testsupport.Fixtures.createCode;
import static com.sellergrowth.attribution.testsupport.Fixtures.order;
import static com.sellergrowth.attribution.testsupport.Fixtures.seller;
import static com.sellergrowth.attribution.testsupport.Fixtures.uid;
import static com.sellergrowth.attribution.testsupport.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.attribution.testsupport.Fixtures.Seller;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ATR-5 whichever of an order and its click is stored first, including at the same moment (two consumers, two transactions):
 * the lock stripes make the second one see the first. And a click never wins another seller's order.
 */
@QuarkusTest
class OrderClickRaceTest {

  @BeforeEach
  void clock() {
    TestClock.get().reset();
  }

  @Test
  void manyOrdersAndClicksArrivingTogetherAreAllAttributedOnce_ATR5() {
    Seller s = seller(true);
    String link = (String) createCode(s, HOST + "/item/race").get("link");
    Instant clickAt = TestClock.get().now();
    String prefix = uid("race") + "-";
    int n = 30;
    List<CompletableFuture<?>> racing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String device = "device-" + prefix + i;
      String orderId = prefix + i;
      Instant paidAt = clickAt.plusSeconds(30);
      racing.add(CompletableFuture.runAsync(() -> Kafka.publish(orderId, new OrderPaidV1(order(s, orderId, device, null, "cat-x", 500), paidAt),
          paidAt)));
      racing.add(CompletableFuture.runAsync(() -> visit(link, device, BROWSER).then().statusCode(302)));
    }
    racing.forEach(CompletableFuture::join);
    String like = prefix + "%";
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM order_attribution WHERE order_id LIKE ?", like) == n);
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM click WHERE device_id LIKE ?", "device-" + like) == n);
    assertThat(Db.count("SELECT count(*) FROM order_attribution WHERE click_id IS NULL AND order_id LIKE ?", like)).isZero();
    assertThat(Db.count("SELECT count(*) FROM commission WHERE order_id LIKE ?", like)).isEqualTo(n);
  }

  /**
   * The race itself, made deterministic: a click batch's transaction (played here over JDBC, as ClickService writes it) holds
   * the device's lock stripe and has stored the click but not committed, when the order arrives. The order must wait for it
   * and then see the click; without the lock it would find nothing and stay unattributed for good.
   */
  @Test
  void anOrderArrivingWhileItsClicksBatchIsUncommittedWaitsAndIsAttributed_ATR5() throws Exception {
    Seller s = seller(true);
    String codeId = (String) createCode(s, HOST + "/item/race2").get("id");
    String device = "device-" + uid("held");
    String clickId = java.util.UUID.randomUUID().toString();
    String orderId = uid("order");
    Instant clickAt = TestClock.get().now();
    try (java.sql.Connection tx = Db.open()) {
      tx.setAutoCommit(false);
      try (var lock = tx.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)");
           var insert = tx.prepareStatement("INSERT INTO click(click_id, code_id, seller_id, device_id, ip_hash, occurred_at, received_at) "
               + "VALUES (?::uuid, ?::uuid, ?, ?, 'h', ?, now())")) {
        lock.setInt(1, com.sellergrowth.attribution.persistence.Sql.LOCK_SPACE);
        lock.setInt(2, com.sellergrowth.attribution.persistence.Sql.stripe(device));
        lock.execute();
        insert.setString(1, clickId);
        insert.setString(2, codeId);
        insert.setString(3, s.id());
        insert.setString(4, device);
        insert.setObject(5, java.time.OffsetDateTime.ofInstant(clickAt, java.time.ZoneOffset.UTC));
        insert.execute();
      }
      Instant paidAt = clickAt.plusSeconds(30);
      Kafka.publish(orderId, new OrderPaidV1(order(s, orderId, device, null, "cat-x", 500), paidAt), paidAt);
      // the order's transaction is either done (no lock: the defect) or waiting on the advisory lock (the fix)
      await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM order_attribution WHERE order_id = ?", orderId) == 1
          || Db.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0);
      tx.commit();
    }
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM order_attribution WHERE order_id = ?", orderId) == 1);
    assertThat(Db.string("SELECT click_id::text FROM order_attribution WHERE order_id = ?", orderId)).isEqualTo(clickId);
    assertThat(Db.count("SELECT count(*) FROM commission WHERE order_id = ?", orderId)).isEqualTo(1);
  }

  @Test
  void aClickNeverWinsAnotherSellersOrder_ATR5() {
    Seller a = seller(true);
    Seller b = seller(true);
    String link = (String) createCode(a, HOST + "/item/mine").get("link");
    Instant clickAt = TestClock.get().now();
    String click = clickIdOf(visit(link, "device-shared-1", BROWSER));
    awaitClick(click);
    String ofB = uid("order");
    Instant at = clickAt.plus(Duration.ofMinutes(1));
    awaitProcessed(Kafka.publish(ofB, new OrderPaidV1(order(b, ofB, "device-shared-1", click, "cat-x", 500), at), at));
    assertThat(Db.count("SELECT count(*) FROM order_attribution WHERE order_id = ? AND click_id IS NULL", ofB)).isEqualTo(1);
    // and the other way round: B's order waits; A's later click on the same device does not take it
    String waiting = uid("order");
    Instant later = clickAt.plus(Duration.ofHours(2));
    awaitProcessed(Kafka.publish(waiting, new OrderPaidV1(order(b, waiting, "device-shared-2", null, "cat-x", 500), later), later));
    TestClock.get().set(later.minus(Duration.ofMinutes(1)));
    awaitClick(clickIdOf(visit(link, "device-shared-2", BROWSER)));
    assertThat(Db.count("SELECT count(*) FROM order_attribution WHERE order_id = ? AND click_id IS NULL", waiting)).isEqualTo(1);
    assertThat(Db.count("SELECT count(*) FROM commission WHERE order_id IN (?, ?)", ofB, waiting)).isZero();
  }
}
