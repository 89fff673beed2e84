package com.sellergrowth.coupon.api;

import static com.sellergrowth.coupon.testsupport.Fixtures.claim;
import static com.sellergrowth.coupon.testsupport.Fixtures.couponBody;
import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static com.sellergrowth.coupon.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CPN-13 checkout quote: the best applicable coupons for an order draft, with stacking groups and reasons for the rest. */
@QuarkusTest
class CheckoutQuoteTest {

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }

  // CPN-13
  @Test
  void theQuotePicksTheBestCombinationAndExplainsTheRest_CPN13() {
    Shop shop = eligibleShop();
    Map<String, Object> exclusive = couponBody(shop);
    exclusive.put("faceValueMinor", 6_00);
    Map<String, Object> storeGroup = couponBody(shop);
    storeGroup.put("faceValueMinor", 5_00);
    storeGroup.put("exclusive", false);
    storeGroup.put("stackingGroup", "store");
    Map<String, Object> categoryGroup = couponBody(shop);
    categoryGroup.put("faceValueMinor", 4_00);
    categoryGroup.put("exclusive", false);
    categoryGroup.put("stackingGroup", "category");
    Map<String, Object> highMinimum = couponBody(shop);
    highMinimum.put("minOrderMinor", 500_00);
    String buyer = uid("buyer");
    claim(createCoupon(shop, exclusive), buyer, "US", "10.5.0.1").then().statusCode(201);
    String store = claim(createCoupon(shop, storeGroup), buyer, "US", "10.5.0.1").then().statusCode(201).extract().path("id");
    String category = claim(createCoupon(shop, categoryGroup), buyer, "US", "10.5.0.1").then().statusCode(201).extract().path("id");
    String tooHigh = claim(createCoupon(shop, highMinimum), buyer, "US", "10.5.0.1").then().statusCode(201).extract().path("id");
    Map<String, Object> draft = Map.of("buyerId", buyer, "sellerId", shop.sellerId(), "currency", "USD",
        "logisticsService", "AliExpress Standard Shipping",
        "lines", List.of(Map.of("sku", shop.sku(), "spuId", shop.spu(), "categoryId", shop.category(), "quantity", 2, "unitPriceMinor",
            Fixtures.PRICE)));
    given().auth().oauth2(Tokens.storefront()).contentType(ContentType.JSON).body(draft).post("/v1/storefront/checkout/quote")
        .then().statusCode(200)
        .body("orderAmountMinor", equalTo(100_00)).body("totalDiscountMinor", equalTo(9_00)).body("payableMinor", equalTo(91_00))
        .body("coupons.claimId", contains(store, category))
        .body("notApplicable." + tooHigh, equalTo("ERR_MIN_AMOUNT"));
  }

  // CPN-11
  @Test
  void onOtherLogisticsNoRestrictedCouponApplies_CPN11() {
    Shop shop = eligibleShop();
    String buyer = uid("buyer");
    String claimed = claim(createCoupon(shop), buyer, "US", "10.5.0.2").then().statusCode(201).extract().path("id");
    Map<String, Object> draft = Map.of("buyerId", buyer, "sellerId", shop.sellerId(), "currency", "USD", "logisticsService", "Own courier",
        "lines", List.of(Map.of("spuId", shop.spu(), "categoryId", shop.category(), "quantity", 1, "unitPriceMinor", Fixtures.PRICE)));
    given().auth().oauth2(Tokens.storefront()).contentType(ContentType.JSON).body(draft).post("/v1/storefront/checkout/quote")
        .then().statusCode(200).body("totalDiscountMinor", equalTo(0)).body("notApplicable." + claimed, equalTo("ERR_LOGISTICS"));
  }

  @Test
  void anInvalidDraftListsEveryProblem() {
    given().auth().oauth2(Tokens.storefront()).contentType(ContentType.JSON).body("{\"currency\":\"usd\",\"lines\":[{\"spuId\":\"x\"}]}")
        .post("/v1/storefront/checkout/quote").then().statusCode(422)
        .body("errors.field", contains("buyerId", "sellerId", "currency", "lines[0]"));
  }

  // Issue 15 input 7: quantity 2^31-1 x unit price 2^63-1 answered 200 with a payable wrapped past 2^63; now every line past the
  // bounds is named, and an order whose lines sum past 10^12 is refused as a whole
  @Test
  void amountsPastTheMoneyBoundsAreRefusedNotWrapped() {
    given().auth().oauth2(Tokens.storefront()).contentType(ContentType.JSON).body("{\"buyerId\":\"b\",\"sellerId\":\"s\",\"currency\":\"USD\","
            + "\"lines\":[{\"spuId\":\"x\",\"categoryId\":\"c\",\"quantity\":2147483647,\"unitPriceMinor\":9223372036854775807},"
            + "{\"spuId\":\"x\",\"categoryId\":\"c\",\"quantity\":100000,\"unitPriceMinor\":10000001},"
            + "{\"spuId\":\"x\",\"categoryId\":\"c\",\"quantity\":100001,\"unitPriceMinor\":1}]}")
        .post("/v1/storefront/checkout/quote").then().statusCode(422)
        .body("errors.field", contains("lines[0]", "lines[1]", "lines[2]"))
        .body("errors.code", contains("ERR_OUT_OF_RANGE", "ERR_OUT_OF_RANGE", "ERR_OUT_OF_RANGE"));
    // two lines each within the bounds whose sum is not
    given().auth().oauth2(Tokens.storefront()).contentType(ContentType.JSON).body("{\"buyerId\":\"b\",\"sellerId\":\"s\",\"currency\":\"USD\","
            + "\"lines\":[{\"spuId\":\"x\",\"categoryId\":\"c\",\"quantity\":1,\"unitPriceMinor\":1000000000000},"
            + "{\"spuId\":\"x\",\"categoryId\":\"c\",\"quantity\":1,\"unitPriceMinor\":1}]}")
        .post("/v1/storefront/checkout/quote").then().statusCode(422)
        .body("errors.field", contains("lines")).body("errors.code", contains("ERR_OUT_OF_RANGE"));
    // at the bounds exactly: a quote
    given().auth().oauth2(Tokens.storefront()).contentType(ContentType.JSON).body("{\"buyerId\":\"b\",\"sellerId\":\"s\",\"currency\":\"USD\","
            + "\"lines\":[{\"spuId\":\"x\",\"categoryId\":\"c\",\"quantity\":100000,\"unitPriceMinor\":10000000}]}")
        .post("/v1/storefront/checkout/quote").then().statusCode(200).body("orderAmountMinor", org.hamcrest.Matchers.equalTo(1_000_000_000_000L));
  }
}
