package com.sellergrowth.coupon.api;

import static com.sellergrowth.coupon.testsupport.Fixtures.couponBody;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.coupon.cache.ClaimGate;
import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.testsupport.Db;
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

  // CPN-3 when Redis is wrong (issue 15): a gate that believes in far more than is left lets claims through to PostgreSQL,
  // whose own count stores exactly the total; the rest are refused as sold out and the gate is rebuilt from PostgreSQL
  @Test
  void whenRedisOverstatesWhatIsLeftPostgresStillIssuesExactlyTheTotal_CPN3() throws Exception {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.put("totalQuantity", 10);
    String id = createCoupon(shop, body);
    UUID coupon = UUID.fromString(id);
    Fixtures.claim(id, uid("buyer"), "US", "10.2.0.1").then().statusCode(201);
    gate.evict(coupon).await().atMost(Fixtures.WAIT);
    gate.load(coupon, 1_000, -1, 600, List.of()).await().atMost(Fixtures.WAIT); // wrong: 9 are left

    Map<Integer, Integer> statuses = claimConcurrently(id, 40, i -> "buyer-" + UUID.randomUUID());

    assertThat(statuses.get(201)).isEqualTo(9);
    assertThat(statuses.get(409)).isEqualTo(31);
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?::uuid", id)).isEqualTo(10);
    assertThat(Db.count("SELECT count(*) FROM claim_refusal WHERE coupon_id = ?::uuid AND code = 'ERR_SOLD_OUT'", id)).isEqualTo(31);
    // an Idempotency-Key claim goes another way into PostgreSQL; the same count refuses it
    gate.evict(coupon).await().atMost(Fixtures.WAIT);
    gate.load(coupon, 1_000, -1, 600, List.of()).await().atMost(Fixtures.WAIT);
    RestAssured.given().auth().oauth2(Tokens.storefront()).header("Idempotency-Key", uid("key")).contentType("application/json")
        .body(Map.of("buyerId", uid("buyer"), "buyerCountry", "US", "ip", "10.2.0.2")).post("/v1/storefront/coupons/" + id + "/claims")
        .then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("ERR_SOLD_OUT"));
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?::uuid", id)).isEqualTo(10);
  }

  // CPN-3 (issue 15): a request that reserved in Redis and died before storing its claim no longer locks the buyer out until
  // the coupon ends: once the reservation is older than any live request (30 s), the buyer's next claim takes it over
  @Test
  void aReservationWhoseRequestDiedIsTakenOverOnceStale_CPN3() {
    Shop shop = eligibleShop();
    String id = createCoupon(shop);
    UUID coupon = UUID.fromString(id);
    Fixtures.claim(id, uid("buyer"), "US", "10.3.0.1").then().statusCode(201); // the gate is loaded
    String buyer = uid("buyer");
    Instant died = TestClock.get().now();
    assertThat(gate.reserve(coupon, buyer, 5_00, died).await().atMost(Fixtures.WAIT)).isEqualTo(ClaimGate.Reservation.RESERVED);

    TestClock.get().set(died.plusMillis(29_999));
    Fixtures.claim(id, buyer, "US", "10.3.0.2").then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("ERR_CLAIM_LIMIT"));
    TestClock.get().set(died.plusSeconds(30));
    Fixtures.claim(id, buyer, "US", "10.3.0.2").then().statusCode(201);
    Fixtures.claim(id, buyer, "US", "10.3.0.2").then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("ERR_CLAIM_LIMIT"));
    assertThat(Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?::uuid AND buyer_id = ?", id, buyer)).isEqualTo(1);
    // the reservation taken over held its unit: 100 - 2 left, so 98 more buyers and no more
    Map<Integer, Integer> rest;
    try {
      rest = claimConcurrently(id, 99, i -> "buyer-" + UUID.randomUUID());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    assertThat(rest.get(201)).isEqualTo(98);
  }

  // SPEC section 9, issue 15: PostgreSQL's connections cut again and again during a flash sale. Every buyer gets a 201 or a
  // 503 with Retry-After (never a 500), and a buyer who got a 503 is not left reserved: the retry is a claim (or, where the
  // commit did happen and only its answer was lost, the buyer's one claim is already there)
  @Test
  void connectionsCutDuringAFlashSaleAnswer503WithRetryAfterAndLeaveNoReservationBehind_CPN3() throws Exception {
    Shop shop = eligibleShop();
    Map<String, Object> body = couponBody(shop);
    body.put("totalQuantity", 1_000);
    String id = createCoupon(shop, body);
    Fixtures.claim(id, uid("buyer"), "US", "10.5.0.1").then().statusCode(201);
    URI uri = URI.create("http://localhost:" + RestAssured.port + "/v1/storefront/coupons/" + id + "/claims");
    String token = Tokens.storefront();
    java.util.concurrent.atomic.AtomicBoolean cutting = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread cutter = new Thread(() -> {
      try (java.sql.Connection db = Db.open(); java.sql.Statement st = db.createStatement()) {
        while (cutting.get()) {
          // the reactive client's connections, which serve the claims (the JDBC pool serves Flyway and readiness only)
          st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
              + " AND pid <> pg_backend_pid() AND application_name <> 'PostgreSQL JDBC Driver'");
          Thread.sleep(3);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Map<String, HttpResponse<String>> answers = new ConcurrentHashMap<>();
    List<CompletableFuture<?>> all = new ArrayList<>();
    Semaphore inFlight = new Semaphore(100);
    cutter.start();
    try {
      for (int i = 0; i < 400; i++) {
        String buyer = "buyer-" + UUID.randomUUID();
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"buyerId\":\"" + buyer + "\",\"buyerCountry\":\"US\",\"ip\":\"10.5.1." + (i % 250) + "\"}"))
            .build();
        inFlight.acquire();
        all.add(HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
          inFlight.release();
          answers.put(buyer, r);
        }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(Fixtures.WAIT.toSeconds() * 4, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      cutting.set(false);
      cutter.join();
    }

    List<String> unavailable = new ArrayList<>();
    answers.forEach((buyer, r) -> {
      assertThat(r.statusCode()).as(r.body()).isIn(201, 503);
      if (r.statusCode() == 503) {
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        unavailable.add(buyer);
      }
    });
    assertThat(unavailable).as("the cuts must have been met by some claims").isNotEmpty();
    int retries = 0;
    for (String buyer : unavailable) {
      boolean committed = Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?::uuid AND buyer_id = ?", id, buyer) == 1;
      var retry = Fixtures.claim(id, buyer, "US", "10.5.2." + (retries++ % 250)); // an address each: under the rate limit
      if (committed) { // stored, and only the answer was lost
        retry.then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("ERR_CLAIM_LIMIT"));
      } else {
        assertThat(retry.statusCode()).as(buyer + " " + retry.asString()).isEqualTo(201);
      }
    }
    long stored = Db.count("SELECT count(*) FROM coupon_claim WHERE coupon_id = ?::uuid", id);
    assertThat(stored).isEqualTo(1 + 400);
    assertThat(Db.count("SELECT claims FROM coupon_issuance WHERE coupon_id = ?::uuid", id)).isEqualTo(stored);
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
