package com.sellergrowth.gift.messaging;

import static com.sellergrowth.gift.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.gift.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.gift.testsupport.Fixtures.order;
import static com.sellergrowth.gift.testsupport.Fixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.Topics;
import com.sellergrowth.events.platform.OrderLine;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.gift.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad orders go to platform.orders.dlq with the reason, alone; the orders around them are applied (SPEC section 2). */
@QuarkusTest
class DeadLetterTest {

  @Test
  void ordersPastTheirBoundsOrWithoutHeadersAreDeadLetteredAloneAndTheNextOrderIsApplied() {
    Seller s = eligibleSeller();
    Instant at = TestClock.get().now();
    try (Kafka.Reader dlq = Kafka.readFromNow(Topics.dlq(Topics.PLATFORM_ORDERS))) {
      String huge = uid("order");
      Kafka.publish(huge, new OrderPaidV1(new OrderSnapshot(huge, "b", s.id(), "US", "USD", Long.MAX_VALUE, List.of(new OrderLine("SKU", "spu",
          "cat", null, 1, Long.MAX_VALUE)), "std", List.of(), null, null, null), at), at);
      String noCategory = uid("order");
      Kafka.publish(noCategory, new OrderPaidV1(new OrderSnapshot(noCategory, "b", s.id(), "US", "USD", 100, List.of(new OrderLine("SKU", "spu",
          "a,b", null, 1, 100)), "std", List.of(), null, null, null), at), at);
      String badCountry = uid("order");
      String json = EventSerde.serialize(new OrderPaidV1(order(s, "b", "US", 100, "c"), at)).replace("\"US\"", "\"usa\"");
      Kafka.publishRaw(Topics.PLATFORM_ORDERS, badCountry, json, Map.of("ce_specversion", "1.0", "ce_id", uid("e"), "ce_type",
          "platform.order-paid", "ce_source", "urn:test", "ce_time", at.toString(), "ce_eventversion", "1"));
      Kafka.publishRaw(Topics.PLATFORM_ORDERS, "x", "{}", Map.of("ce_type", "platform.order-paid"));
      OrderSnapshot good = order(s, "b", "US", 100, "c");
      awaitProcessed(Kafka.publish(good.orderId(), new OrderPaidV1(good, at), at));
      var dead = dlq.await(r -> true, 4, Duration.ofSeconds(30));
      assertThat(dead).extracting(r -> Kafka.header(r, "dead-letter-reason")).anyMatch(reason -> reason.contains("amountMinor"))
          .anyMatch(reason -> reason.contains("categoryId")).anyMatch(reason -> reason.contains("CloudEvents"))
          .anyMatch(reason -> reason.contains("country"));
      assertThat(Db.count("SELECT count(*) FROM order_fact WHERE order_id = ?", good.orderId())).isEqualTo(1);
      assertThat(Db.count("SELECT count(*) FROM order_fact WHERE order_id IN (?, ?)", huge, noCategory)).isZero();
    }
  }
}
