package com.sellergrowth.coupon.service;

import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.coupon.cache.ClaimGate.Reservation;
import com.sellergrowth.coupon.cache.ClaimGate;
import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CPN-3 after Redis lost a coupon's gate (issue 15): the rebuild reads the buyers a page at a time instead of a million ids in
 * one query and one script, and the gate it builds knows every buyer and exactly what is left.
 */
@QuarkusTest
class GateRebuilderTest {

  @Inject
  GateRebuilder rebuilder;
  @Inject
  ClaimGate gate;

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }

  // CPN-3
  @Test
  void aGateRebuiltInPagesKnowsEveryBuyerAndWhatIsLeft_CPN3() {
    Shop shop = eligibleShop();
    Map<String, Object> body = Fixtures.couponBody(shop);
    body.put("totalQuantity", 7);
    UUID coupon = UUID.fromString(createCoupon(shop, body));
    List<String> holders = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      holders.add(uid("buyer"));
      Fixtures.claim(coupon.toString(), holders.get(i), "US", "10.4.0." + i).then().statusCode(201);
    }
    gate.evict(coupon).await().atMost(Fixtures.WAIT);
    Instant now = TestClock.get().now();

    // five buyers in pages of two: three pages, the last one short
    rebuilder.rebuild(coupon, 7, null, now.plus(Duration.ofDays(7)), now, 2).await().atMost(Fixtures.WAIT);

    for (String holder : holders) {
      assertThat(gate.reserve(coupon, holder, 5_00, now).await().atMost(Fixtures.WAIT)).as(holder).isEqualTo(Reservation.ALREADY_CLAIMED);
    }
    assertThat(gate.reserve(coupon, uid("buyer"), 5_00, now).await().atMost(Fixtures.WAIT)).isEqualTo(Reservation.RESERVED);
    assertThat(gate.reserve(coupon, uid("buyer"), 5_00, now).await().atMost(Fixtures.WAIT)).isEqualTo(Reservation.RESERVED);
    assertThat(gate.reserve(coupon, uid("buyer"), 5_00, now).await().atMost(Fixtures.WAIT)).isEqualTo(Reservation.SOLD_OUT);
  }

  // CPN-3: a page boundary that falls exactly on the last buyer, and a rebuild that finds the gate already set, change nothing
  @Test
  void aRebuildThatLosesTheRaceLeavesTheWinnersGate_CPN3() {
    Shop shop = eligibleShop();
    UUID coupon = UUID.fromString(createCoupon(shop));
    List<String> holders = List.of(uid("buyer"), uid("buyer"));
    for (String holder : holders) {
      Fixtures.claim(coupon.toString(), holder, "US", "10.4.1.1").then().statusCode(201);
    }
    gate.evict(coupon).await().atMost(Fixtures.WAIT);
    Instant now = TestClock.get().now();
    rebuilder.rebuild(coupon, 100, null, now.plus(Duration.ofDays(7)), now, 2).await().atMost(Fixtures.WAIT);
    String late = uid("buyer");
    assertThat(gate.reserve(coupon, late, 5_00, now).await().atMost(Fixtures.WAIT)).isEqualTo(Reservation.RESERVED);

    rebuilder.rebuild(coupon, 100, null, now.plus(Duration.ofDays(7)), now, 2).await().atMost(Fixtures.WAIT);

    assertThat(gate.reserve(coupon, late, 5_00, now).await().atMost(Fixtures.WAIT)).isEqualTo(Reservation.ALREADY_CLAIMED);
    assertThat(gate.reserve(coupon, holders.get(1), 5_00, now).await().atMost(Fixtures.WAIT)).isEqualTo(Reservation.ALREADY_CLAIMED);
  }
}
