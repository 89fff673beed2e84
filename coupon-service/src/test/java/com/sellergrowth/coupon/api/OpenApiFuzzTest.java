package com.sellergrowth.coupon.api;

import static com.sellergrowth.coupon.testsupport.Fixtures.createCoupon;
import static com.sellergrowth.coupon.testsupport.Fixtures.eligibleShop;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.coupon.testsupport.Fixtures;
import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.testsupport.OpenApiFuzz;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15's net (SPEC section 9): malformed variants of every documented request, and no answer of 500 or more. */
@QuarkusTest
class OpenApiFuzzTest {

  @Test
  void noMalformedVariantOfAnyDocumentedRequestGetsA5xx() throws Exception {
    TestClock.get().reset();
    Shop shop = eligibleShop();
    String coupon = createCoupon(shop);
    String operator = Tokens.operator("op-fuzz");
    String storefront = Tokens.storefront();
    OpenApiFuzz fuzz = new OpenApiFuzz("http://localhost:" + RestAssured.port, path -> path.startsWith("/v1/operator/") ? operator
        : path.startsWith("/v1/storefront/") ? storefront : path.startsWith("/v1/") ? shop.token() : null, Map.of("id", coupon))
        .withValidBodies(Map.of(
            "POST /v1/coupons", com.sellergrowth.events.EventSerde.mapper().writeValueAsString(Fixtures.couponBody(shop)),
            "POST /v1/storefront/coupons/{id}/claims", "{\"buyerId\":\"fuzz-buyer\",\"buyerCountry\":\"US\",\"ip\":\"10.77.0.1\","
                + "\"deviceId\":\"fuzz-device\"}",
            "POST /v1/storefront/checkout/quote", "{\"buyerId\":\"fuzz-buyer\",\"sellerId\":\"" + shop.sellerId() + "\",\"currency\":\"USD\","
                + "\"lines\":[{\"spuId\":\"" + shop.spu() + "\",\"categoryId\":\"" + shop.category() + "\",\"quantity\":1,\"unitPriceMinor\":5000}],"
                + "\"logisticsService\":\"AliExpress Standard Shipping\"}",
            "POST /v1/coupons/{id}/pause", "{\"reason\":\"stock check\"}"));
    var findings = fuzz.run();
    assertThat(findings).as("answers of 500 or more, and hostile values accepted").isEmpty();
    assertThat(fuzz.requests()).as("requests sent").isGreaterThan(300);
  }

  // Issue 15 / SPEC section 9: every endpoint documents its summary, its success and its refusals
  @Test
  void everyOperationDocumentsItsSuccessAndItsRefusals() throws Exception {
    assertThat(new OpenApiFuzz("http://localhost:" + RestAssured.port, path -> null, Map.of()).undocumented()).isEmpty();
  }
}
