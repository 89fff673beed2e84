package com.sellergrowth.coupon.api;

import static com.sellergrowth.coupon.testsupport.Fixtures.couponBody;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.coupon.cache.ClaimGate;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CPN-3 exactness: concurrent claims through the real HTTP stack, Redis and PostgreSQL. */
@QuarkusTest
class ClaimConcurrencyTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Inject
  ClaimGate gate;

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }

  // CPN-3
  @Test
  void thousandConcurrentClaimsOnAHundredCouponsIssueExactlyAHundred_CPN3() throws Exception {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    Map<Integer, Integer> statuses = claimConcurrently(id, 1000, i -> "buyer-" + UUID.randomUUID());
    assertThat(statuses.get(201)).isEqualTo(100);
    assertThat(statuses.get(409)).isEqualTo(900);
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?::uuid", id)).isEqualTo(100);
    assertThat(Db.count("SELECT count(*) FROM claim_refusal WHERE coupon_id = ?::uuid AND code = 'ERR_SOLD_OUT'", id)).isEqualTo(900);
  }

  // CPN-3
  @Test
  void fiftyConcurrentClaimsByOneBuyerIssueExactlyOne_CPN3() throws Exception {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    String buyer = uid("buyer");
    Map<Integer, Integer> statuses = claimConcurrently(id, 50, i -> buyer);
    assertThat(statuses.get(201)).isEqualTo(1);
    assertThat(statuses.get(409)).isEqualTo(49);
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?::uuid", id)).isEqualTo(1);
  }

  @Test
  void theDiscountBudgetIsNeverExceeded() throws Exception {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.put("budgetMinor", 12 * 5_00 + 4_99); // room for 12 coupons of 5.00, not 13
    String id = createCoupon(shop, body);
    Map<Integer, Integer> statuses = claimConcurrently(id, 200, i -> "buyer-" + UUID.randomUUID());
    assertThat(statuses.get(201)).isEqualTo(12);
    assertThat(Db.count("SELECT coalesce(sum(face_value_minor), 0) FROM coupon_claim WHERE coupon_id = ?::uuid", id)).isEqualTo(12 * 5_00);
    assertThat(Db.count("SELECT count(*) FROM claim_refusal WHERE coupon_id = ?::uuid AND code = 'ERR_BUDGET_EXHAUSTED'", id)).isEqualTo(188);
  }

  // CPN-3
  @Test
  void whenRedisLosesTheGateItIsRebuiltFromPostgresWithoutOverIssuing_CPN3() throws Exception {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.put("totalQuantity", 30);
    String id = createCoupon(shop, body);
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      first.add("buyer-" + UUID.randomUUID());
    }
    Map<Integer, Integer> statuses = claimConcurrently(id, 20, first::get);
    assertThat(statuses.get(201)).isEqualTo(20);
    gate.evict(UUID.fromString(id)).await().atMost(Duration.ofSeconds(5));
    // the same 20 buyers again (all refused: limit) plus 40 new ones (10 succeed)
    Map<Integer, Integer> again = claimConcurrently(id, 60, i -> i < 20 ? first.get(i) : "buyer-" + UUID.randomUUID());
    assertThat(again.get(201)).isEqualTo(10);
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?::uuid", id)).isEqualTo(30);
    assertThat(Db.count("SELECT count(*) FROM claim_refusal WHERE coupon_id = ?::uuid AND code = 'ERR_CLAIM_LIMIT'", id)).isEqualTo(20);
  }

  /** Fires {@code n} claims at once (at most 200 in flight); returns the count of each HTTP status. */
  static Map<Integer, Integer> claimConcurrently(String couponId, int n, IntFunction<String> buyer) throws Exception {
    URI uri = URI.create("http://localhost:" + RestAssured.port + "/v1/storefront/coupons/" + couponId + "/claims");
    String token = Tokens.storefront();
    Semaphore inFlight = new Semaphore(200);
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String body = "{\"buyerId\":\"" + buyer.apply(i) + "\",\"buyerCountry\":\"US\",\"ip\":\"10.1.0." + (i % 250) + "\"}";
      HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
      inFlight.acquire();
      all.add(HTTP.sendAsync(req, HttpResponse.BodyHandlers.discarding())
          .whenComplete((r, e) -> {
            inFlight.release();
            statuses.merge(e == null ? r.statusCode() : -1, 1, Integer::sum);
          }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(Fixtures.WAIT.toSeconds() * 4, java.util.concurrent.TimeUnit.SECONDS);
    return statuses;
  }
}
