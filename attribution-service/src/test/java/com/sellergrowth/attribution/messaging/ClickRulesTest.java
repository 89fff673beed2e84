package com.sellergrowth.attribution.messaging;

import static com.sellergrowth.attribution.testsupport.Fixtures.BROWSER;
import static com.sellergrowth.attribution.testsupport.Fixtures.HOST;
import static com.sellergrowth.attribution.testsupport.Fixtures.WAIT;
import static com.sellergrowth.attribution.testsupport.Fixtures.awaitClick;
import static com.sellergrowth.attribution.testsupport.Fixtures.awaitProcessed;
import static com.sellergrowth.attribution.testsupport.Fixtures.clickIdOf;
import static com.sellergrowth.attribution.testsupport.Fixtures.createCode;
import static com.sellergrowth.attribution.testsupport.Fixtures.reasonOf;
import static com.sellergrowth.attribution.testsupport.Fixtures.seller;
import static com.sellergrowth.attribution.testsupport.Fixtures.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.attribution.testsupport.Fixtures.Seller;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ATR-6 and ATR-8 at their edges: unsellable items, archived codes, bad signatures in the report, the redirect's limits. */
@QuarkusTest
class ClickRulesTest {

  @BeforeEach
  void clock() {
    TestClock.get().reset();
  }

  @Test
  void aClickOnAnUnsellableItemIsCountedAsErr404AndAnotherSellersStockChangesNothing_ATR6() {
    Seller s = seller(true);
    String sku = "SKU-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = com.sellergrowth.attribution.testsupport.Fixtures.codeBody(HOST + "/item/" + sku, "stock");
    body.put("sku", sku);
    String link = com.sellergrowth.attribution.testsupport.Fixtures.create(s, body).then().statusCode(201).extract().path("link");
    Instant now = TestClock.get().now();
    // another seller's SKU of the same name, delisted: not this code's item
    awaitProcessed(Kafka.publish(sku, new StockSyncedV1(sku, "someone-else", "spu", "cat", null, 0, false, null, null, "PLATFORM", now), now));
    String before = clickIdOf(visit(link, "device-stock-1", BROWSER));
    awaitClick(before);
    assertThat(reasonOf(before)).isEqualTo("COUNTED");
    awaitProcessed(Kafka.publish(sku, new StockSyncedV1(sku, s.id(), "spu", "cat", null, 0, true, null, null, "PLATFORM",
        now.plusSeconds(1)), now.plusSeconds(1)));
    String after = clickIdOf(visit(link, "device-stock-2", BROWSER));
    awaitClick(after);
    assertThat(reasonOf(after)).isEqualTo("ERR_404");
  }

  @Test
  void clicksAfterArchivingCountAsArchived() {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/arch");
    given().auth().oauth2(s.token()).contentType(ContentType.JSON).body("{\"version\":1}").post("/v1/codes/" + code.get("id") + "/archive")
        .then().statusCode(200);
    TestClock.get().advance(Duration.ofSeconds(1));
    String click = clickIdOf(visit((String) code.get("link"), "device-arch-1", BROWSER));
    awaitClick(click);
    assertThat(reasonOf(click)).isEqualTo("ARCHIVED");
  }

  @Test
  void theReportGroupsByEveryUtmFieldWithConversionAndShowsBadSignatures_ATR8() {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/report");
    String link = (String) code.get("link");
    for (int i = 0; i < 4; i++) {
      awaitClick(clickIdOf(visit(link, "device-report-" + i, BROWSER)));
    }
    String tampered = link.replace("utm_medium=social", "utm_medium=email");
    given().redirects().follow(false).urlEncodingEnabled(false).header("User-Agent", BROWSER).get(tampered.substring(tampered.indexOf("/af/")))
        .then().statusCode(302);
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM click WHERE code_id = ?::uuid", code.get("id")) == 5);
    Instant clickAt = TestClock.get().now();
    String order = com.sellergrowth.attribution.testsupport.Fixtures.uid("order");
    awaitProcessed(Kafka.publish(order, new com.sellergrowth.events.platform.OrderPaidV1(com.sellergrowth.attribution.testsupport.Fixtures
        .order(s, order, "device-report-0", null, "cat-beauty", 1_000), clickAt.plusSeconds(60)), clickAt.plusSeconds(60)));
    for (String by : new String[] {"source", "medium", "campaign", "content", "day"}) {
      JsonPath r = given().auth().oauth2(s.token()).get("/v1/reports/traffic?groupBy=" + by + "&code=" + code.get("id")).then().statusCode(200)
          .extract().jsonPath();
      assertThat(r.getList("key")).as(by).hasSize(1);
      assertThat(r.getInt("[0].clicks")).as(by).isEqualTo(5);
      assertThat(r.getInt("[0].validClicks")).as(by).isEqualTo(4);
      assertThat(r.getMap("[0].invalidByReason")).as(by).isEqualTo(Map.of("SIGNATURE", 1));
      assertThat(r.getInt("[0].orders")).as(by).isEqualTo(1);
      assertThat(r.getMap("[0].gmvMinor")).as(by).isEqualTo(Map.of("EUR", 2_000));
      assertThat(r.getMap("[0].commissionMinor")).as(by).isEqualTo(Map.of("EUR", 200)); // cat-beauty 10%
      assertThat(r.getString("[0].conversion")).as(by).isEqualTo("0.25");
    }
    assertThat(given().auth().oauth2(s.token()).get("/v1/reports/traffic?groupBy=source&code=" + code.get("id")).jsonPath()
        .getString("[0].key")).isEqualTo("instagram");
    String csv = given().auth().oauth2(s.token()).get("/v1/reports/traffic/export.csv?groupBy=medium&code=" + code.get("id")).asString();
    assertThat(csv.split("\r\n")).containsExactly("key,clicks,valid_clicks,invalid_clicks,invalid_by_reason,orders,gmv_minor,commission_minor,"
        + "conversion", "social,5,4,1,SIGNATURE:1,1,EUR:2000,EUR:200,0.2500");
  }

  @Test
  void theRedirectIsRateLimitedPerAddressAndRefusesWhatIsNotALink() {
    Seller s = seller(true);
    String link = (String) createCode(s, HOST + "/item/limit").get("link");
    String path = link.substring(link.indexOf("/af/"));
    int limited = 0;
    for (int i = 0; i < 55; i++) {
      int status = given().redirects().follow(false).urlEncodingEnabled(false).header("X-Forwarded-For", "10.200.0.1")
          .header("User-Agent", BROWSER).get(path).statusCode();
      if (status == 429) {
        limited++;
      }
    }
    assertThat(limited).isEqualTo(5);
    given().redirects().follow(false).get("/af/000000000000000000000000000000000000").then().statusCode(404);
    given().redirects().follow(false).get("/af/1-1-1-1-0000000000000000000000000000000").then().statusCode(404);
    String huge = path + "&x=" + "a".repeat(6_000);
    int status = given().redirects().follow(false).urlEncodingEnabled(false).header("User-Agent", BROWSER).get(huge).statusCode();
    assertThat(status).isIn(302, 414, 431);
  }
}
