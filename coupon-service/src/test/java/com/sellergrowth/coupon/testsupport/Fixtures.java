package com.sellergrowth.coupon.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Object mother for coupon tests: an eligible seller with a priced, in-stock product pool, published through the real broker
 * as the platform would, and coupons created through the real API.
 */
public final class Fixtures {
  public static final Duration WAIT = Duration.ofSeconds(30);
  public static final long PRICE = 50_00;

  /** A seller and one SKU of a pool (SPU, category). */
  public record Shop(String sellerId, String sku, String spu, String category, String token) {
  }

  /** Waits until the service has applied the event with this CloudEvents id (its inbox row exists). */
  public static void awaitProcessed(String eventId) {
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
  }

  public static String uid(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  public static Shop eligibleShop() {
    String seller = uid("seller");
    publishSeller(seller, "ENTERPRISE", true, true, true);
    Shop shop = new Shop(seller, uid("sku"), uid("spu"), uid("cat"), Tokens.seller(seller));
    publishStock(shop, shop.sku(), 100, true, TestClock.get().now().minusSeconds(60), TestClock.get().now());
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM seller_profile WHERE seller_id = ?", seller) == 1
        && Db.count("SELECT count(*) FROM sku_stock WHERE sku = ?", shop.sku()) == 1);
    return shop;
  }

  public static String publishSeller(String seller, String entityType, boolean verified, boolean bound, boolean kyc) {
    return Kafka.publish(seller, new SellerProfileUpdatedV1(seller, entityType, verified, bound, kyc, 4, 9_700, 30, false, List.of(),
        TestClock.get().now()), TestClock.get().now());
  }

  /** A stock sync of one SKU of the shop's pool: observed at {@code observedAt}, arriving (event time) at {@code arrivedAt}. */
  public static String publishStock(Shop shop, String sku, long quantity, boolean listed, Instant observedAt, Instant arrivedAt) {
    return Kafka.publish(sku, new StockSyncedV1(sku, shop.sellerId(), shop.spu(), shop.category(), null, quantity, listed, PRICE, "USD",
        "PLATFORM", observedAt), arrivedAt);
  }

  /** A valid creation body for the shop's pool; tests change what they need. */
  public static Map<String, Object> couponBody(Shop shop) {
    Instant now = TestClock.get().now();
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Winter sale");
    body.put("type", "THRESHOLD");
    body.put("currency", "USD");
    body.put("faceValueMinor", 5_00);
    body.put("minOrderMinor", 30_00);
    body.put("startsAt", now.minusSeconds(3600).toString());
    body.put("endsAt", now.plus(Duration.ofDays(7)).toString());
    body.put("totalQuantity", 100);
    body.put("targetCountries", List.of("US", "FR"));
    body.put("pool", Map.of("spus", List.of(shop.spu())));
    return body;
  }

  public static String createCoupon(Shop shop, Map<String, Object> body) {
    return given().auth().oauth2(shop.token()).contentType(ContentType.JSON).body(body)
        .when().post("/v1/coupons")
        .then().statusCode(201).extract().path("id");
  }

  public static String createCoupon(Shop shop) {
    return createCoupon(shop, couponBody(shop));
  }

  /** Claims as the storefront for a buyer; returns the response for assertions. */
  public static io.restassured.response.Response claim(String couponId, String buyerId, String country, String ip) {
    Map<String, Object> body = new HashMap<>();
    body.put("buyerId", buyerId);
    body.put("buyerCountry", country);
    body.put("ip", ip);
    body.put("deviceId", "dev-" + buyerId);
    return given().auth().oauth2(Tokens.storefront()).contentType(ContentType.JSON).body(body)
        .when().post("/v1/storefront/coupons/" + couponId + "/claims");
  }

  private Fixtures() {
  }
}
