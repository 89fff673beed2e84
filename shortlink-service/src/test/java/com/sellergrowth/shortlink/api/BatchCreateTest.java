package com.sellergrowth.shortlink.api;

import static com.sellergrowth.shortlink.testsupport.Fixtures.HOST;
import static com.sellergrowth.shortlink.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.shortlink.testsupport.Fixtures.linkBody;
import static com.sellergrowth.shortlink.testsupport.Fixtures.visit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.sellergrowth.shortlink.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SHL-7: batch creation through the API, with a result per item. */
@QuarkusTest
class BatchCreateTest {

  @BeforeEach
  void resetClock() {
    TestClock.get().reset();
  }

  private static io.restassured.response.Response batch(Seller s, List<Map<String, Object>> links, String key) {
    var req = given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("links", links));
    if (key != null) {
      req = req.header("Idempotency-Key", key);
    }
    return req.post("/v1/links/batch");
  }

  @Test
  void createsFiveHundredLinksInOneRequestWithDistinctCodes_SHL7() {
    Seller s = eligibleSeller();
    List<Map<String, Object>> links = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      links.add(linkBody(HOST + "/item/SKU-" + i));
    }
    JsonPath r = batch(s, links, null).then().statusCode(200).body("created", equalTo(500)).body("rejected", equalTo(0))
        .extract().jsonPath();
    List<String> codes = r.getList("results.link.code");
    assertThat(new HashSet<>(codes)).hasSize(500);
    assertThat(r.getList("results.index", Integer.class)).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 500).boxed().toList());
    assertThat(Db.count("SELECT count(*) FROM link WHERE seller_id = ?", s.id())).isEqualTo(500);
    visit(codes.get(499)).then().statusCode(302).header("Location", HOST + "/item/SKU-499");
  }

  @Test
  void refusesBadItemsAloneWithTheirReasons_SHL7() {
    Seller s = eligibleSeller();
    String alias = "dup-" + Long.toString(System.nanoTime(), 36).substring(0, 6);
    Map<String, Object> withAlias = linkBody(HOST + "/item/1");
    withAlias.put("alias", alias);
    List<Map<String, Object>> links = List.of(linkBody(HOST + "/item/1"), linkBody("javascript:alert(1)"), withAlias, withAlias,
        linkBody(HOST + "/item/2"));
    batch(s, links, null).then().statusCode(200).body("created", equalTo(3)).body("rejected", equalTo(2))
        .body("results.status", org.hamcrest.Matchers.contains("CREATED", "REJECTED", "CREATED", "REJECTED", "CREATED"))
        .body("results[1].errors[0].code", equalTo("ERR_TARGET_SCHEME"))
        .body("results[3].errors[0].code", equalTo("ERR_ALIAS_TAKEN"))
        .body("results[2].link.code", equalTo(alias));
    assertThat(Db.count("SELECT count(*) FROM link WHERE seller_id = ?", s.id())).isEqualTo(3);
  }

  @Test
  void refusesEmptyAndOversizedBatches_SHL7() {
    Seller s = eligibleSeller();
    batch(s, List.of(), null).then().statusCode(422).body("errors[0].code", equalTo("ERR_BATCH_SIZE"));
    List<Map<String, Object>> links = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      links.add(linkBody(HOST + "/item/" + i));
    }
    batch(s, links, null).then().statusCode(422).body("errors[0].code", equalTo("ERR_BATCH_SIZE"));
    assertThat(Db.count("SELECT count(*) FROM link WHERE seller_id = ?", s.id())).isZero();
  }

  @Test
  void aRetriedBatchWithTheSameIdempotencyKeyCreatesNothingTwice_SHL7() {
    Seller s = eligibleSeller();
    List<Map<String, Object>> links = List.of(linkBody(HOST + "/item/1"), linkBody(HOST + "/item/2"));
    String first = batch(s, links, "batch-1").then().statusCode(200).extract().asString();
    String again = batch(s, links, "batch-1").then().statusCode(200).extract().asString();
    assertThat(again).isEqualTo(first);
    assertThat(Db.count("SELECT count(*) FROM link WHERE seller_id = ?", s.id())).isEqualTo(2);
  }
}
