package com.sellergrowth.attribution.api;

import static com.sellergrowth.attribution.testsupport.Fixtures.HOST;
import static com.sellergrowth.attribution.testsupport.Fixtures.codeBody;
import static com.sellergrowth.attribution.testsupport.Fixtures.create;
import static com.sellergrowth.attribution.testsupport.Fixtures.createCode;
import static com.sellergrowth.attribution.testsupport.Fixtures.seller;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import com.sellergrowth.attribution.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** ATR-1..4 through the real API and database: enrolment, every field error, twins, archive races, CSV import. */
@QuarkusTest
class CodeApiTest {

  @Test
  void onlyAffiliateSellersMayCreateCodes_ATR2() {
    Seller outsider = seller(false);
    given().auth().oauth2(outsider.token()).get("/v1/affiliate/enrolment").then().statusCode(200)
        .body("enrolled", org.hamcrest.Matchers.is(false)).body("reasons.code", hasItems("ERR_NOT_AFFILIATE"));
    create(outsider, codeBody(HOST + "/item/1", "c1")).then().statusCode(403).contentType("application/problem+json")
        .body("code", org.hamcrest.Matchers.is("ERR_403")).body("errors.code", hasItems("ERR_NOT_AFFILIATE"));
    String unknown = Tokens.seller("never-published");
    given().auth().oauth2(unknown).get("/v1/affiliate/enrolment").then().body("reasons.code", hasItems("ERR_SELLER_UNKNOWN"));
    assertThat(Db.count("SELECT count(*) FROM marketing_code WHERE seller_id = ?", outsider.id())).isZero();
    Seller member = seller(true);
    given().auth().oauth2(member.token()).get("/v1/affiliate/enrolment").then().body("enrolled", org.hamcrest.Matchers.is(true));
  }

  @Test
  void everyFieldErrorIsNamedAtOnce_ATR1() {
    Seller s = seller(true);
    Map<String, Object> body = codeBody("https://evil.example/x", "c".repeat(51));
    body.remove("utm_medium");
    body.put("utm_content", "nul\u0000");
    create(s, body).then().statusCode(422).contentType("application/problem+json")
        .body("errors.field", hasItems("target", "utm_medium", "utm_campaign", "utm_content"));
    body = codeBody(HOST + "/item/1", "夏季");
    create(s, body).then().statusCode(422).body("errors.code", hasItems("ERR_UTM_CAMPAIGN_ASCII"));
    assertThat(Db.count("SELECT count(*) FROM marketing_code WHERE seller_id = ?", s.id())).isZero();
  }

  @Test
  void aCodeHasASignedAfLinkAndIsTheSellersAlone_ATR3() {
    Seller s = seller(true);
    Map<String, Object> code = createCode(s, HOST + "/item/1");
    assertThat((String) code.get("link")).contains("/af/" + code.get("id") + "?s=" + s.id()).contains("&af=").contains("k=dev-1");
    assertThat(code.get("version")).isEqualTo(1);
    given().auth().oauth2(s.token()).get("/v1/codes/" + code.get("id")).then().statusCode(200);
    given().auth().oauth2(seller(true).token()).get("/v1/codes/" + code.get("id")).then().statusCode(404);
    given().auth().oauth2(s.token()).get("/v1/codes").then().statusCode(200).body("id", hasItems(code.get("id")));
    assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE msg_key = ? AND type = 'attribution.code-created'", code.get("id")))
        .isLessThanOrEqualTo(1);
  }

  @Test
  void theSameParametersTwiceGiveOneCode() {
    Seller s = seller(true);
    Map<String, Object> body = codeBody(HOST + "/item/2", "twin");
    List<CompletableFuture<Integer>> racing = List.of(CompletableFuture.supplyAsync(() -> create(s, body).statusCode()),
        CompletableFuture.supplyAsync(() -> create(s, body).statusCode()), CompletableFuture.supplyAsync(() -> create(s, body).statusCode()));
    assertThat(racing.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(201, 409, 409);
    assertThat(Db.count("SELECT count(*) FROM marketing_code WHERE seller_id = ?", s.id())).isEqualTo(1);
  }

  @Test
  void archivingAtAStaleVersionIsAConflictNotALostUpdate() {
    Seller s = seller(true);
    String id = (String) createCode(s, HOST + "/item/3").get("id");
    List<CompletableFuture<Integer>> racing = List.of(CompletableFuture.supplyAsync(() -> archive(s, id, "{\"version\":1}").statusCode()),
        CompletableFuture.supplyAsync(() -> archive(s, id, "{\"version\":1}").statusCode()));
    assertThat(racing.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
    given().auth().oauth2(s.token()).get("/v1/codes/" + id).then().body("status", org.hamcrest.Matchers.is("ARCHIVED"))
        .body("version", org.hamcrest.Matchers.is(2));
    archive(s, id, "{\"version\":2}").then().statusCode(409).body("code", org.hamcrest.Matchers.is("ERR_CODE_ARCHIVED"));
    archive(seller(true), id, "{\"version\":2}").then().statusCode(404);
    assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE msg_key = ? AND type = 'attribution.code-archived'", id)).isLessThanOrEqualTo(1);
  }

  @Test
  void importCreatesValidRowsReportsEveryRowAndTheSameFileTwiceCreatesNothing_ATR4() {
    Seller s = seller(true);
    String csv = "\uFEFFtarget,utm_source,utm_medium,utm_campaign,utm_content,utm_term\r\n"
        + HOST + "/item/10,ig,social,\"camp, one\",a,\r\n"
        + "https://evil.example/,ig,social,camp2,b,\r\n"
        + HOST + "/item/11,fb,cpc,camp3,\"say \"\"hi\"\"\",shoes\r\n";
    Response dry = importCsv(s, csv, "true");
    dry.then().statusCode(200).body("created", org.hamcrest.Matchers.is(0)).body("results.status", org.hamcrest.Matchers.contains("VALID",
        "REJECTED", "VALID"));
    assertThat(Db.count("SELECT count(*) FROM marketing_code WHERE seller_id = ?", s.id())).isZero();
    Response first = importCsv(s, csv, null);
    first.then().statusCode(200).body("created", org.hamcrest.Matchers.is(2)).body("rejected", org.hamcrest.Matchers.is(1))
        .body("results.row", org.hamcrest.Matchers.contains(1, 2, 3)).body("results[1].errors.field", hasItems("target"));
    Response again = importCsv(s, csv, null);
    assertThat(again.asString()).isEqualTo(first.asString());
    assertThat(Db.count("SELECT count(*) FROM marketing_code WHERE seller_id = ?", s.id())).isEqualTo(2);
    // the same rows in another file: found, not created again
    importCsv(s, csv.replace("\r\n", "\n"), null).then().statusCode(200).body("existing", org.hamcrest.Matchers.is(2))
        .body("created", org.hamcrest.Matchers.is(0));
    assertThat(Db.count("SELECT count(*) FROM marketing_code WHERE seller_id = ?", s.id())).isEqualTo(2);
  }

  @Test
  void aFileOverTheRowLimitOrUnreadableImportsNothing_ATR4() {
    Seller s = seller(true);
    String header = "target,utm_source,utm_medium,utm_campaign,utm_content\n";
    StringBuilder rows = new StringBuilder(header);
    for (int i = 0; i < 501; i++) {
      rows.append(HOST).append("/item/").append(i).append(",a,b,c,d\n");
    }
    importCsv(s, rows.toString(), null).then().statusCode(422).body("errors.code", hasItems("ERR_CSV_TOO_MANY_ROWS"));
    importCsv(s, "utm_source\nx\n", null).then().statusCode(422).body("errors.code", hasItems("ERR_CSV_MISSING_COLUMN"));
    given().auth().oauth2(s.token()).contentType("text/csv").body(new byte[] {(byte) 0xC3, 0x28}).post("/v1/codes/import").then()
        .statusCode(422).body("errors.code", hasItems("ERR_CSV_ENCODING"));
    assertThat(Db.count("SELECT count(*) FROM marketing_code WHERE seller_id = ?", s.id())).isZero();
  }

  @Test
  void hostileInputGetsA4xxNeverA5xx() {
    Seller s = seller(true);
    String id = (String) createCode(s, HOST + "/item/4").get("id");
    for (String version : List.of("{\"version\":1.5}", "{\"version\":2147483648}", "{\"version\":9223372036854775808}", "{\"version\":\"1\"}",
        "{\"version\":null}", "{\"version\":-1}", "[1]", "{\"version\":1}x", "{" + "\"a\":{".repeat(40) + "}".repeat(41))) {
      int status = archive(s, id, version).statusCode();
      assertThat(status).as(version).isBetween(400, 422);
    }
    for (String q : List.of("page=2147483647", "page=-1", "size=0", "size=1000000000", "page=1.5", "status=GONE", "status=%00")) {
      assertThat(given().auth().oauth2(s.token()).urlEncodingEnabled(false).get("/v1/codes?" + q).statusCode()).as(q).isEqualTo(422);
    }
    for (String path : List.of("/v1/codes/not-a-uuid", "/v1/codes/%00", "/v1/clicks/" + "9".repeat(36), "/v1/orders/%00/attribution")) {
      assertThat(given().auth().oauth2(s.token()).urlEncodingEnabled(false).get(path).statusCode()).as(path).isBetween(400, 422);
    }
    Map<String, Object> body = codeBody(HOST + "/item/5", "x".repeat(100_000));
    body.put("utm_term", List.of("a", "b"));
    assertThat(create(s, body).statusCode()).isEqualTo(400);
    body = codeBody(HOST + "/item/5", "camp");
    body.put("sku", 12.5);
    assertThat(create(s, body).statusCode()).isEqualTo(400);
    assertThat(given().auth().oauth2(s.token()).contentType(ContentType.JSON).body("[null]").post("/v1/codes").statusCode()).isEqualTo(400);
    assertThat(given().auth().oauth2(s.token()).contentType(ContentType.JSON).body("null").post("/v1/codes").statusCode()).isBetween(400, 422);
    for (String q : List.of("from=2026-13-01", "groupBy=COUNTRY", "from=2026-01-01&to=2026-12-01", "source=%00", "code=zz", "to=2026-11-01&from=2026-11-02")) {
      int status = given().auth().oauth2(s.token()).urlEncodingEnabled(false).get("/v1/reports/traffic?" + q).statusCode();
      assertThat(status).as(q).isBetween(400, 422);
    }
    given().get("/v1/codes").then().statusCode(401);
    given().auth().oauth2(Tokens.operator("op")).get("/v1/codes").then().statusCode(403);
    given().auth().oauth2(s.token()).post("/v1/operator/commissions/lock-due").then().statusCode(403);
  }

  @Test
  void longIncompressibleFieldsAreStoredNotRefusedByAnIndex() {
    Seller s = seller(true);
    java.util.Random random = new java.util.Random(42);
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < 1_990; i++) {
      path.append((char) ('a' + random.nextInt(26)));
    }
    Map<String, Object> body = codeBody(HOST + "/" + path, "long");
    for (String field : List.of("utm_source", "utm_medium", "utm_content", "utm_term")) {
      StringBuilder v = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        v.append((char) ('A' + random.nextInt(26)));
      }
      body.put(field, v.toString());
    }
    create(s, body).then().statusCode(201);
    create(s, body).then().statusCode(409).body("code", org.hamcrest.Matchers.is("ERR_CODE_EXISTS"));
  }

  @Test
  void moreHostileParametersAndBodies() {
    Seller s = seller(true);
    Map<String, Object> misspelt = codeBody(HOST + "/item/6", "camp");
    misspelt.put("utm_trem", "x");
    create(s, misspelt).then().statusCode(400).body("errors.field", hasItems("utm_trem"));
    for (String q : List.of("to=%2B999999999-12-31", "from=%2B300000-01-01&to=%2B300000-01-02", "to=-999999999-01-01", "from=1999-12-31",
        "code=12345", "groupBy=%00")) {
      assertThat(given().auth().oauth2(s.token()).urlEncodingEnabled(false).get("/v1/reports/traffic?" + q).statusCode()).as(q).isEqualTo(422);
    }
    assertThat(given().auth().oauth2(s.token()).get("/v1/codes?page=\u0663").statusCode()).isEqualTo(422);
    for (String q : List.of("status=GONE", "page=99999999999", "size=101")) {
      assertThat(given().auth().oauth2(s.token()).urlEncodingEnabled(false).get("/v1/commissions?" + q).statusCode()).as(q).isEqualTo(422);
    }
    String operator = Tokens.operator("ana");
    for (String body : List.of("{}", "{\"version\":0}", "{\"version\":1.5}", "{\"version\":99999999999}", "{\"versio\":1}")) {
      int status = given().auth().oauth2(operator).contentType(ContentType.JSON).body(body).post("/v1/operator/commissions/o-1/pay").statusCode();
      assertThat(status).as(body).isBetween(400, 422);
    }
    given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"version\":1}").post("/v1/operator/commissions/o-1/pay").then()
        .statusCode(404);
    given().auth().oauth2(operator).get("/v1/operator/commissions?status=PAID&size=100").then().statusCode(200);
  }

  @Test
  void anImportIsForEnrolledSellersAndReportsRepeatedRows_ATR4() {
    String csv = "target,utm_source,utm_medium,utm_campaign,utm_content\n" + HOST + "/item/20,a,b,c,d\n" + HOST + "/item/20,a,b,c,d\n";
    importCsv(seller(false), csv, null).then().statusCode(403).body("code", org.hamcrest.Matchers.is("ERR_403"));
    Seller s = seller(true);
    importCsv(s, csv, null).then().statusCode(200).body("created", org.hamcrest.Matchers.is(1))
        .body("results[1].errors.code", hasItems("ERR_CSV_DUPLICATE_ROW"));
    assertThat(Db.count("SELECT count(*) FROM marketing_code WHERE seller_id = ?", s.id())).isEqualTo(1);
  }

  private static Response archive(Seller s, String id, String body) {
    return given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(body).post("/v1/codes/" + id + "/archive");
  }

  private static Response importCsv(Seller s, String csv, String dryRun) {
    var req = given().auth().oauth2(s.token()).contentType("text/csv; charset=utf-8").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (dryRun != null) {
      req = req.queryParam("dryRun", dryRun);
    }
    return req.post("/v1/codes/import");
  }
}
