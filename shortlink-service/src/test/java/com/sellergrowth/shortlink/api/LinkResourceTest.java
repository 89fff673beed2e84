package com.sellergrowth.shortlink.api;

import static com.sellergrowth.shortlink.testsupport.Fixtures.HOST;
import static com.sellergrowth.shortlink.testsupport.Fixtures.create;
import static com.sellergrowth.shortlink.testsupport.Fixtures.createLink;
import static com.sellergrowth.shortlink.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.shortlink.testsupport.Fixtures.linkBody;
import static com.sellergrowth.shortlink.testsupport.Fixtures.seller;
import static com.sellergrowth.shortlink.testsupport.Fixtures.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.sellergrowth.events.platform.Violation;
import com.sellergrowth.shortlink.testsupport.Fixtures.Seller;
import com.sellergrowth.shortlink.testsupport.Fixtures;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seller API: SHL-1, 2, 3, 4, 8 and SPEC section 9 (all errors at once, JWT, a seller's own links only). */
@QuarkusTest
class LinkResourceTest {

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }

  @Test
  void createsAShortLinkBoundToSellerChannelCampaignAndUtm_SHL1() {
    Seller s = eligibleSeller();
    Map<String, Object> body = linkBody(HOST + "/item/SKU-1");
    body.put("channel", "wechat");
    body.put("campaign", "double11");
    body.put("utm", Map.of("source", "wechat", "campaign", "双11 大促"));
    var created = create(s, body).then().statusCode(201).contentType(ContentType.JSON)
        .body("target", equalTo(HOST + "/item/SKU-1")).body("channel", equalTo("wechat")).body("campaign", equalTo("double11"))
        .body("utm.campaign", equalTo("双11 大促")).body("sku", equalTo("SKU-1")).body("version", equalTo(1))
        .extract().jsonPath();
    String shortUrl = created.getString("shortUrl");
    assertThat(shortUrl).isEqualTo("https://sgp.ly/" + created.getString("code")).hasSizeLessThanOrEqualTo(32);
    assertThat(Db.string("SELECT seller_id FROM link WHERE code = ?", created.getString("code"))).isEqualTo(s.id());
  }

  @Test
  void refusesABadDraftWithEveryReasonAndWritesNothing_SHL2_SHL4() {
    Seller s = eligibleSeller();
    Map<String, Object> body = linkBody("https://evil.example/item/1");
    body.put("mobileTarget", "//evil.example");
    body.put("utm", Map.of("source", "tab\tin", "medium", "50%25"));
    body.put("alias", "q");
    create(s, body).then().statusCode(422).contentType("application/problem+json").body("code", equalTo("ERR_VALIDATION"))
        .body("errors.field", containsInAnyOrder("target", "mobileTarget", "utm.utm_source", "utm.utm_medium", "alias"))
        .body("errors.code", containsInAnyOrder("ERR_TARGET_HOST_NOT_ALLOWED", "ERR_TARGET_NOT_ABSOLUTE", "ERR_UTM_CONTROL_CHARACTER",
            "ERR_UTM_PRE_ENCODED", "ERR_ALIAS_LENGTH"));
    assertThat(Db.count("SELECT count(*) FROM link WHERE seller_id = ?", s.id())).isZero();
  }

  @Test
  void individualUnverifiedOrRecentlyViolatingSellersAreRefused_SHL3() {
    var now = TestClock.get().now();
    Seller individual = seller("INDIVIDUAL", true, List.of());
    create(individual, linkBody(HOST + "/item/1")).then().statusCode(403).body("code", equalTo("ERR_SELLER_NOT_ELIGIBLE"))
        .body("errors.code", contains("ERR_SELLER_INDIVIDUAL"));
    Seller violating = seller("ENTERPRISE", true, List.of(new Violation("FAKE_GOODS", "SERIOUS", now.minus(Duration.ofDays(89)))));
    create(violating, linkBody(HOST + "/item/1")).then().statusCode(403).body("errors.code", contains("ERR_SELLER_SERIOUS_VIOLATION"));
    Seller minorOnly = seller("ENTERPRISE", true, List.of(new Violation("LATE_SHIPMENT", "MINOR", now.minus(Duration.ofDays(1)))));
    create(minorOnly, linkBody(HOST + "/item/1")).then().statusCode(201);
    // the 90 days pass: the same violating seller becomes eligible
    TestClock.get().advance(Duration.ofDays(1));
    create(violating, linkBody(HOST + "/item/1")).then().statusCode(201);
  }

  @Test
  void aSellerWithoutAProfileIsRefused_SHL3() {
    create(new Seller("never-seen", com.sellergrowth.testsupport.Tokens.seller("never-seen")), linkBody(HOST + "/item/1"))
        .then().statusCode(403).body("errors.code", contains("ERR_SELLER_UNKNOWN"));
  }

  @Test
  void aSellerNeverReachesAnotherSellersLinks() {
    Seller owner = eligibleSeller();
    Seller other = eligibleSeller();
    String code = createLink(owner, HOST + "/item/1");
    given().auth().oauth2(other.token()).get("/v1/links/" + code).then().statusCode(404).body("code", equalTo("ERR_NOT_FOUND"));
    given().auth().oauth2(other.token()).delete("/v1/links/" + code).then().statusCode(404);
    given().auth().oauth2(other.token()).contentType(ContentType.JSON).body(Map.of("target", HOST + "/item/2"))
        .put("/v1/links/" + code + "/target").then().statusCode(404);
    given().auth().oauth2(other.token()).get("/v1/links/" + code + "/stats").then().statusCode(404);
    given().auth().oauth2(owner.token()).get("/v1/links/" + code).then().statusCode(200);
  }

  @Test
  void theApiNeedsASellerToken() {
    given().get("/v1/links").then().statusCode(401);
    given().auth().oauth2("not-a-jwt").get("/v1/links").then().statusCode(401);
    given().auth().oauth2(com.sellergrowth.testsupport.Tokens.operator("op-1")).get("/v1/links").then().statusCode(403);
  }

  // SHL-8
  @Test
  void changingTheTargetKeepsCodeAndHistoryAndRedirectsAtOnce_SHL8() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/OLD");
    visit(code).then().statusCode(302).header("Location", HOST + "/item/OLD");
    given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("target", HOST + "/item/NEW"))
        .put("/v1/links/" + code + "/target").then().statusCode(200).body("code", equalTo(code)).body("version", equalTo(2))
        .body("sku", equalTo("NEW"));
    visit(code).then().statusCode(302).header("Location", HOST + "/item/NEW");
    // the same target again changes nothing
    given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("target", HOST + "/item/NEW"))
        .put("/v1/links/" + code + "/target").then().statusCode(200).body("version", equalTo(2));
    given().auth().oauth2(s.token()).get("/v1/links/" + code + "/history").then().statusCode(200)
        .body("versions.version", contains(1, 2)).body("versions.target", contains(HOST + "/item/OLD", HOST + "/item/NEW"));
  }

  // SHL-5, SHL-8, issue 15: a delete racing a target change resurrected the link (the change wrote deleted_at back to null);
  // now the change meets the version the delete moved and answers 409, and the link stays deleted
  @Test
  void aTargetChangeRacingADeleteAnswers409AndTheLinkStaysDeleted_SHL5_SHL8() throws Exception {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/OLD");
    java.util.concurrent.CompletableFuture<io.restassured.response.Response> change;
    try (java.sql.Connection db = Db.open()) {
      db.setAutoCommit(false);
      try (java.sql.PreparedStatement delete = db.prepareStatement(
          "UPDATE link SET deleted_at = now(), updated_at = now(), version = version + 1 WHERE code = ?")) {
        delete.setString(1, code);
        assertThat(delete.executeUpdate()).isEqualTo(1);
      }
      change = java.util.concurrent.CompletableFuture.supplyAsync(() -> given().auth().oauth2(s.token()).contentType(ContentType.JSON)
          .body(Map.of("target", HOST + "/item/NEW")).put("/v1/links/" + code + "/target"));
      org.awaitility.Awaitility.await().atMost(Fixtures.WAIT).until(() -> Db.count("SELECT count(*) FROM pg_stat_activity"
          + " WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'update link %'") == 1);
      db.commit();
    }
    change.get(30, java.util.concurrent.TimeUnit.SECONDS).then().statusCode(409).body("code", equalTo("ERR_CONCURRENT_UPDATE"));
    assertThat(Db.string("SELECT deleted_at IS NOT NULL FROM link WHERE code = ?", code)).isEqualTo("t");
    assertThat(Db.count("SELECT count(*) FROM link_target_history WHERE code = ?", code)).isEqualTo(1);
    given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("target", HOST + "/item/NEW"))
        .put("/v1/links/" + code + "/target").then().statusCode(404);
  }

  // SHL-2, SHL-8
  @Test
  void aChangedTargetIsValidatedLikeANewOne_SHL2_SHL8() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/1");
    given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("target", "https://www.marketplace.example@evil.example/"))
        .put("/v1/links/" + code + "/target").then().statusCode(422).body("errors.code", contains("ERR_TARGET_USERINFO"));
    visit(code).then().statusCode(302).header("Location", HOST + "/item/1");
  }

  @Test
  void deletedLinksAnswer404AndTheirCodeIsNeverReused_SHL5() {
    Seller s = eligibleSeller();
    Map<String, Object> body = linkBody(HOST + "/item/1");
    String alias = "gone-" + Long.toString(System.nanoTime(), 36).substring(0, 6);
    body.put("alias", alias);
    String code = createLink(s, body);
    given().auth().oauth2(s.token()).delete("/v1/links/" + code).then().statusCode(204);
    given().auth().oauth2(s.token()).delete("/v1/links/" + code).then().statusCode(204);
    visit(code).then().statusCode(404).body("code", equalTo("ERR_LINK_NOT_FOUND"));
    given().auth().oauth2(s.token()).get("/v1/links/" + code).then().statusCode(404);
    create(s, body).then().statusCode(409).body("code", equalTo("ERR_ALIAS_TAKEN"));
  }

  @Test
  void aCustomAliasIsUsedAsTheCodeOnce_SHL1() {
    Seller s = eligibleSeller();
    String alias = "Sale-" + Long.toString(System.nanoTime(), 36).substring(0, 6);
    Map<String, Object> body = linkBody(HOST + "/item/1");
    body.put("alias", alias);
    assertThat(createLink(s, body)).isEqualTo(alias);
    create(eligibleSeller(), body).then().statusCode(409).body("code", equalTo("ERR_ALIAS_TAKEN"));
    visit(alias).then().statusCode(302);
  }

  @Test
  void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneLink() {
    Seller s = eligibleSeller();
    Map<String, Object> body = linkBody(HOST + "/item/1");
    String first = given().auth().oauth2(s.token()).header("Idempotency-Key", "k-1").contentType(ContentType.JSON).body(body)
        .post("/v1/links").then().statusCode(201).extract().path("code");
    String again = given().auth().oauth2(s.token()).header("Idempotency-Key", "k-1").contentType(ContentType.JSON).body(body)
        .post("/v1/links").then().statusCode(201).extract().path("code");
    assertThat(again).isEqualTo(first);
    assertThat(Db.count("SELECT count(*) FROM link WHERE seller_id = ?", s.id())).isEqualTo(1);
    given().auth().oauth2(s.token()).header("Idempotency-Key", "k-1").contentType(ContentType.JSON).body(linkBody(HOST + "/item/2"))
        .post("/v1/links").then().statusCode(422).body("code", equalTo("ERR_IDEMPOTENCY_KEY_REUSED"));
  }

  @Test
  void listsOwnLinksPagedAndFilteredByChannelAndCampaign() {
    Seller s = eligibleSeller();
    for (String[] cc : new String[][] {{"wechat", "a"}, {"wechat", "b"}, {"weibo", "a"}}) {
      Map<String, Object> body = linkBody(HOST + "/item/1");
      body.put("channel", cc[0]);
      body.put("campaign", cc[1]);
      createLink(s, body);
    }
    given().auth().oauth2(s.token()).get("/v1/links").then().statusCode(200).body("$", hasSize(3));
    given().auth().oauth2(s.token()).queryParam("channel", "wechat").get("/v1/links").then().body("$", hasSize(2));
    given().auth().oauth2(s.token()).queryParam("channel", "wechat").queryParam("campaign", "b").get("/v1/links").then()
        .body("$", hasSize(1)).body("[0].campaign", equalTo("b"));
    given().auth().oauth2(s.token()).queryParam("size", 2).queryParam("page", 1).get("/v1/links").then().body("$", hasSize(1));
    given().auth().oauth2(eligibleSeller().token()).get("/v1/links").then().body("$", hasSize(0));
  }

  @Test
  void qrCodesComeAsPngAndSvg() {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/1");
    byte[] png = given().auth().oauth2(s.token()).get("/v1/links/" + code + "/qr.png?size=128").then().statusCode(200)
        .contentType("image/png").extract().asByteArray();
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    given().auth().oauth2(s.token()).get("/v1/links/" + code + "/qr.svg").then().statusCode(200).contentType("image/svg+xml");
    given().auth().oauth2(s.token()).get("/v1/links/" + code + "/qr.png?size=10").then().statusCode(422);
  }
}
