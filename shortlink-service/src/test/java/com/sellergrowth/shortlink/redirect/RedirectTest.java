package com.sellergrowth.shortlink.redirect;

import static com.sellergrowth.shortlink.testsupport.Fixtures.HOST;
import static com.sellergrowth.shortlink.testsupport.Fixtures.IPHONE;
import static com.sellergrowth.shortlink.testsupport.Fixtures.WAIT;
import static com.sellergrowth.shortlink.testsupport.Fixtures.createLink;
import static com.sellergrowth.shortlink.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.shortlink.testsupport.Fixtures.ip;
import static com.sellergrowth.shortlink.testsupport.Fixtures.linkBody;
import static com.sellergrowth.shortlink.testsupport.Fixtures.stock;
import static com.sellergrowth.shortlink.testsupport.Fixtures.uid;
import static com.sellergrowth.shortlink.testsupport.Fixtures.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.sellergrowth.events.shortlink.LinkTargetChangedV1;
import com.sellergrowth.shortlink.testsupport.Fixtures;
import com.sellergrowth.shortlink.testsupport.Fixtures.Seller;
import com.sellergrowth.shortlink.testsupport.RedisKeys;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public redirect: SHL-4, SHL-5, device rules, expiry, visit limits, rate limit, and resolution without PostgreSQL. */
@QuarkusTest
class RedirectTest {

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
    com.sellergrowth.shortlink.testsupport.Fixtures.awaitClickConsumer();
  }

  @Test
  void redirectsWithTheUtmParametersEncodedOnce_SHL4_SHL5() {
    Seller s = eligibleSeller();
    Map<String, Object> body = linkBody(HOST + "/item/SKU-1?color=red#reviews");
    body.put("utm", Map.of("source", "we chat", "campaign", "双11&more"));
    String code = createLink(s, body);
    visit(code).then().statusCode(302).header("Cache-Control", "no-store")
        .header("Location", HOST + "/item/SKU-1?color=red&utm_source=we%20chat&utm_campaign=%E5%8F%8C11%26more#reviews");
  }

  @Test
  void unknownCodesAnswer404AsProblemJson_SHL5() {
    visit("NoSuchCode").then().statusCode(404).contentType("application/problem+json").body("code", equalTo("ERR_LINK_NOT_FOUND"));
    visit("NoSuchCode").then().statusCode(404);
  }

  @Test
  void outOfStockAndDelistedTargetsGoToTheStorePageUntilAFreshSync_SHL5() {
    Seller s = eligibleSeller();
    String sku = uid("SKU");
    Map<String, Object> body = linkBody(HOST + "/item/" + sku);
    body.put("utm", Map.of("source", "wechat"));
    String code = createLink(s, body);
    Instant t = TestClock.get().now();
    stock(s, sku, 0, true, t);
    visit(code).then().statusCode(302)
        .header("Location", HOST + "/store/" + s.id() + "?utm_source=wechat&reason=out_of_stock");
    stock(s, sku, 5, false, t.plusSeconds(60));
    visit(code).then().statusCode(302).header("Location", HOST + "/store/" + s.id() + "?utm_source=wechat&reason=delisted");
    // an older observation arriving late does not override the newer one (event time)
    stock(s, sku, 9, true, t.plusSeconds(30));
    visit(code).then().statusCode(302).header("Location", HOST + "/store/" + s.id() + "?utm_source=wechat&reason=delisted");
    stock(s, sku, 5, true, t.plusSeconds(120));
    visit(code).then().statusCode(302).header("Location", HOST + "/item/" + sku + "?utm_source=wechat");
  }

  @Test
  void phonesGoToTheMobilePage() {
    Seller s = eligibleSeller();
    Map<String, Object> body = linkBody(HOST + "/item/1");
    body.put("mobileTarget", "https://m.marketplace.example/item/1");
    String code = createLink(s, body);
    visit(code, ip(), IPHONE).then().statusCode(302).header("Location", "https://m.marketplace.example/item/1");
    visit(code, ip(), Fixtures.DESKTOP).then().statusCode(302).header("Location", HOST + "/item/1");
  }

  @Test
  void aLinkExpiresAtItsExpiryOnTheServiceClock() {
    Seller s = eligibleSeller();
    Map<String, Object> body = linkBody(HOST + "/item/1");
    body.put("expiresAt", TestClock.get().now().plus(Duration.ofHours(2)).toString());
    String code = createLink(s, body);
    visit(code).then().statusCode(302);
    TestClock.get().advance(Duration.ofHours(2));
    visit(code).then().statusCode(410).body("code", equalTo("ERR_LINK_EXPIRED"));
  }

  @Test
  void aLinkWithAVisitLimitIsGoneAfterItAndBotsDoNotUseItUp() {
    Seller s = eligibleSeller();
    Map<String, Object> body = linkBody(HOST + "/item/1");
    body.put("maxVisits", 2);
    String code = createLink(s, body);
    visit(code, ip(), "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").then().statusCode(302);
    visit(code).then().statusCode(302);
    visit(code).then().statusCode(302);
    visit(code).then().statusCode(410).body("code", equalTo("ERR_LINK_MAX_VISITS"));
  }

  @Test
  void headRequestsRedirectToo() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/1");
    given().redirects().follow(false).header("X-Forwarded-For", ip()).head("/" + code).then().statusCode(302)
        .header("Location", HOST + "/item/1");
  }

  @Test
  void redirectsAreRateLimitedPerClientAddress() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/1");
    String address = ip();
    int limit = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("shortlink.redirect.rate-limit-per-ip", Integer.class);
    for (int i = 0; i < limit; i++) {
      visit(code, address, Fixtures.DESKTOP).then().statusCode(302);
    }
    visit(code, address, Fixtures.DESKTOP).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
        .body("code", equalTo("ERR_RATE_LIMITED"));
    visit(code, ip(), Fixtures.DESKTOP).then().statusCode(302);
  }

  @Test
  void aLinkWhoseRedisViewWasLostIsServedFromPostgresAndRewritten() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/1");
    assertThat(RedisKeys.redis().get(RedisKeys.linkKey(code))).contains("\"version\":1");
    RedisKeys.redis().del(RedisKeys.linkKey(code));
    visit(code).then().statusCode(302).header("Location", HOST + "/item/1");
    assertThat(RedisKeys.redis().get(RedisKeys.linkKey(code))).contains(HOST + "/item/1");
  }

  @Test
  void aLinkEventRepairsARedisViewWhoseWriteWasLost() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/OLD");
    String staleView = RedisKeys.redis().get(RedisKeys.linkKey(code));
    assertThat(staleView).contains(HOST + "/item/OLD");
    // a committed change whose after-commit Redis write was lost: PostgreSQL has version 2, Redis is put back to version 1
    Db.count("WITH u AS (UPDATE link SET target = ?, version = 2 WHERE code = ? RETURNING 1) SELECT count(*) FROM u", HOST + "/item/NEW", code);
    RedisKeys.redis().set(RedisKeys.linkKey(code), staleView);
    // the change's event (as the outbox publishes it) makes the consumer rewrite the view from PostgreSQL
    Instant now = TestClock.get().now();
    Kafka.publish(code, new LinkTargetChangedV1(code, s.id(), HOST + "/item/OLD", HOST + "/item/NEW", null, 2, now), now);
    await().atMost(WAIT).until(() -> RedisKeys.redis().get(RedisKeys.linkKey(code)).contains("\"version\":2"));
    await().atMost(WAIT).until(() -> (HOST + "/item/NEW").equals(visit(code).header("Location")));
  }

}
