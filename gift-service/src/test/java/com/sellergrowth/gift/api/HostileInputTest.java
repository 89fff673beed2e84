package com.sellergrowth.gift.api;

import static com.sellergrowth.gift.testsupport.Fixtures.OPERATOR;
import static com.sellergrowth.gift.testsupport.Fixtures.approvedGift;
import static com.sellergrowth.gift.testsupport.Fixtures.eligibleSeller;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.gift.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 9 and the hostile-input standard: every endpoint meets nulls inside lists, NUL bytes, numbers past 2^31 and 2^63,
 * fractions in whole-number fields, wrong types, huge strings and pages, and answers a 4xx problem+json, never a 5xx, and stores
 * nothing.
 */
@QuarkusTest
class HostileInputTest {
  private static final String BIG_INT = "2147483648";
  private static final String BIG_LONG = "9223372036854775808";
  private static final String HUGE = "x".repeat(200_000);

  private record Case(String method, String path, String body, String token) {
  }

  private static String gift(String field, String value) {
    String base = "\"name\":\"n\",\"categoryId\":\"cat-a\",\"weightGrams\":30,\"packaging\":\"PLATFORM\","
        + "\"packageFront\":{\"notForSale\":true,\"brandLogo\":true},\"noInfringementDeclared\":true";
    return "{" + base.replaceAll("\"" + field + "\":(\\{[^}]*\\}|[^,]*)", java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + value))
        + "}";
  }

  @Test
  void everyEndpointAnswersHostileInputWithA4xxProblemAndStoresNothing() {
    Seller s = eligibleSeller();
    String seller = s.token();
    String giftId = approvedGift(s, "cat-home", "PLATFORM", 30, 1);
    String missing = UUID.randomUUID().toString();
    List<Case> cases = new ArrayList<>();
    for (String body : List.of(gift("name", "null"), gift("name", "\"a\\u0000b\""), gift("name", "\"" + HUGE + "\""),
        gift("weightGrams", BIG_INT), gift("weightGrams", BIG_LONG), gift("weightGrams", "12.5"), gift("weightGrams", "\"12\""),
        gift("weightGrams", "-1"), gift("packaging", "\"BOX\""), gift("packaging", "7"), gift("packageFront", "[]"),
        gift("packageFront", "{\"notForSale\":null,\"brandLogo\":true}"), gift("categoryId", "\"cat\\u0000\""),
        gift("name", "\"n\",\"certificationMarks\":[null]"), gift("name", "\"n\",\"certificationMarks\":[\"CE\",7]"),
        gift("name", "\"n\",\"unknownField\":1"), gift("name", "\"\\ud800\""), "[]", "", "{}", "{\"name\":\"n\"} trailing", "null")) {
      cases.add(new Case("POST", "/v1/gifts", body, seller));
    }
    cases.add(new Case("PUT", "/v1/gifts/" + giftId, gift("name", "\"n\",\"version\":1.5"), seller));
    cases.add(new Case("PUT", "/v1/gifts/" + giftId, gift("name", "\"n\",\"version\":" + BIG_LONG), seller));
    cases.add(new Case("PUT", "/v1/gifts/not-a-uuid", gift("name", "\"n\",\"version\":1"), seller));
    for (String v : List.of(BIG_INT, BIG_LONG, "1.5", "\"1\"", "null", "-1", "0")) {
      cases.add(new Case("POST", "/v1/gifts/" + giftId + "/submit", "{\"version\":" + v + "}", seller));
      cases.add(new Case("POST", "/v1/gift-rules/" + missing + "/deactivate", "{\"version\":" + v + "}", seller));
      cases.add(new Case("POST", "/v1/dispatches/" + missing + "/confirm", "{\"version\":" + v + "}", seller));
      cases.add(new Case("POST", "/v1/operator/gifts/" + giftId + "/approve", "{\"version\":" + v + "}", OPERATOR));
    }
    for (String body : List.of("{\"transferId\":\"t1\",\"quantity\":" + BIG_LONG + "}", "{\"transferId\":\"t1\",\"quantity\":1e20}",
        "{\"transferId\":\"t1\",\"quantity\":0.5}", "{\"transferId\":\"t1\",\"quantity\":-5}", "{\"transferId\":\"t\\u0000\",\"quantity\":1}",
        "{\"transferId\":null,\"quantity\":1}", "{\"transferId\":\"" + HUGE + "\",\"quantity\":1}", "{\"transferId\":[\"t\"],\"quantity\":1}")) {
      cases.add(new Case("POST", "/v1/gifts/" + giftId + "/transfers", body, seller));
    }
    String rule = "\"giftId\":\"" + giftId + "\",\"thresholdMinor\":3000,\"currency\":\"USD\",\"priority\":1";
    for (String extra : List.of("\"categories\":[null]", "\"countries\":[\"B\\u0000\"]", "\"countries\":[\"br\"]", "\"countries\":[\"EG\"]",
        "\"categories\":" + java.util.Collections.nCopies(60, "\"c\""))) {
      cases.add(new Case("POST", "/v1/gift-rules", "{" + rule + "," + extra + "}", seller));
    }
    for (String swap : List.of("\"thresholdMinor\":" + BIG_LONG, "\"thresholdMinor\":29.99", "\"thresholdMinor\":0", "\"thresholdMinor\":1000000000001",
        "\"priority\":1.5", "\"priority\":" + BIG_INT, "\"currency\":\"usd\"", "\"currency\":null", "\"giftId\":\"x\"", "\"giftId\":null")) {
      String key = swap.substring(0, swap.indexOf(':'));
      cases.add(new Case("POST", "/v1/gift-rules", "{" + rule.replaceAll(key + ":[^,]*", java.util.regex.Matcher.quoteReplacement(swap)) + "}", seller));
    }
    for (String q : List.of("country=%00&weightGrams=10", "country=BR&weightGrams=" + BIG_INT, "country=BR&weightGrams=1.5",
        "country=BR&weightGrams=10&nfe=maybe", "country=BRA&weightGrams=10", "weightGrams=10", "country=BR&weightGrams=%EF%BC%91")) {
      cases.add(new Case("GET", "/v1/gift-fees/quote?" + q, null, seller));
    }
    for (String q : List.of("page=-1", "page=99999999999", "size=100000", "size=0", "status=NOPE", "status=%00", "page=1.5")) {
      cases.add(new Case("GET", "/v1/gifts?" + q, null, seller));
      cases.add(new Case("GET", "/v1/dispatches?" + q, null, seller));
      cases.add(new Case("GET", "/v1/gift-rules?" + q.replace("status=", "page="), null, seller));
      cases.add(new Case("GET", "/v1/operator/gift-reviews?" + q.replace("status=", "size="), null, OPERATOR));
    }
    cases.add(new Case("GET", "/v1/gifts/" + giftId + "/photos/%00", null, seller));
    cases.add(new Case("GET", "/v1/gifts/" + giftId + "/photos/" + missing, null, seller));
    cases.add(new Case("DELETE", "/v1/gifts/" + giftId + "/photos/not-a-uuid", null, seller));
    cases.add(new Case("DELETE", "/v1/gifts/" + giftId + "/photos/" + missing, null, seller)); // an APPROVED gift: 409
    cases.add(new Case("GET", "/v1/operator/gifts/" + giftId + "/photos/" + "9".repeat(40), null, OPERATOR));
    for (String body : List.of("{\"version\":1,\"packaging\":\"BOX\"}", "{\"version\":1,\"packaging\":\"OWN\",\"packagingRegistration\":\"a\u0000\"}",
        "{\"version\":1,\"packaging\":\"PLATFORM\",\"packagingRegistration\":\"R-1\"}", "{\"version\":1,\"packaging\":7}",
        "{\"version\":1,\"packagingRegistration\":\"" + HUGE + "\"}")) {
      cases.add(new Case("POST", "/v1/dispatches/" + missing + "/label", body, seller));
    }
    for (String body : List.of("{\"version\":1,\"documents\":[null]}", "{\"version\":1,\"nfeNumber\":\"x\\u0000\"}",
        "{\"version\":1,\"nfeNumber\":\"123\"}", "{\"version\":1.0}", "{\"version\":1,\"documents\":\"EAC\"}")) {
      cases.add(new Case("POST", "/v1/dispatches/" + missing + "/label", body, seller));
    }
    for (String body : List.of("{\"version\":1,\"reasonCodes\":[null]}", "{\"version\":1,\"reasonCodes\":[\"GFT_X\\u0000\"]}",
        "{\"version\":1,\"reasonCodes\":[]}", "{\"version\":1,\"reasonCodes\":[\"GFT_X\"],\"note\":\"\\u0000\"}")) {
      cases.add(new Case("POST", "/v1/operator/gifts/" + giftId + "/reject", body, OPERATOR));
    }
    cases.add(new Case("POST", "/v1/operator/gifts/" + giftId + "/approve", "{\"version\":2,\"reasonCodes\":[\"GFT_X\"]}", OPERATOR));
    for (String q : List.of("from=2026-13-01", "from=99999-01-01", "from=1900-01-01", "from=2026-11-02&to=2026-11-01",
        "from=2020-01-01&to=2026-01-01", "to=%00")) {
      cases.add(new Case("GET", "/v1/gift-analytics?" + q, null, seller));
    }
    cases.add(new Case("GET", "/v1/gifts/%00", null, seller));
    cases.add(new Case("GET", "/v1/dispatches/" + "9".repeat(40), null, seller));
    cases.add(new Case("GET", "/v1/dispatches/" + missing + "/label.pdf", null, seller));
    cases.add(new Case("GET", "/v1/orders/" + "o".repeat(300) + "/gift-recommendations", null, seller));
    cases.add(new Case("GET", "/v1/orders/a%00b/gift-recommendations", null, seller));
    // roles: a seller on operator endpoints, an operator on seller endpoints, no token
    cases.add(new Case("GET", "/v1/operator/gift-reviews", null, seller));
    cases.add(new Case("GET", "/v1/gifts", null, OPERATOR));
    cases.add(new Case("GET", "/v1/gifts", null, null));

    List<String> wrong = new ArrayList<>();
    // multipart: a text part where the file belongs, an oversized role, no parts at all, a broken boundary
    for (var r : List.of(
        given().auth().oauth2(seller).multiPart("file", "not a file").multiPart("role", "PRODUCT").post("/v1/gifts/" + giftId + "/photos"),
        given().auth().oauth2(seller).multiPart("role", "x".repeat(10_000)).post("/v1/gifts/" + giftId + "/photos"),
        given().auth().oauth2(seller).contentType("multipart/form-data; boundary=zzz").body("--zzz\r\nbroken".getBytes()).post("/v1/gifts/" + giftId
            + "/photos"))) {
      if (r.statusCode() < 400 || r.statusCode() >= 500) {
        wrong.add("multipart -> " + r.statusCode() + " " + r.getBody().asString());
      }
    }
    for (Case c : cases) {
      var req = given().urlEncodingEnabled(false);
      if (c.token() != null) {
        req = req.auth().oauth2(c.token());
      }
      if (c.body() != null) {
        req = req.contentType(ContentType.JSON).body(c.body());
      }
      Response r = req.request(c.method(), c.path());
      boolean problem = r.getContentType() != null && r.getContentType().startsWith("application/problem+json");
      if (r.statusCode() < 400 || r.statusCode() >= 500 || !problem) {
        wrong.add(c.method() + " " + c.path() + " " + (c.body() == null ? "" : c.body().substring(0, Math.min(80, c.body().length())))
            + " -> " + r.statusCode() + " " + r.getContentType());
      }
    }
    assertThat(wrong).as("answers that are not a 4xx problem").isEmpty();
    assertThat(Db.count("SELECT count(*) FROM gift WHERE seller_id = ?", s.id())).isEqualTo(1);
    assertThat(Db.count("SELECT count(*) FROM trigger_rule WHERE seller_id = ?", s.id())).isZero();
    assertThat(Db.count("SELECT on_hand FROM gift_stock WHERE gift_id = ?::uuid", giftId)).isEqualTo(1);
  }
}
