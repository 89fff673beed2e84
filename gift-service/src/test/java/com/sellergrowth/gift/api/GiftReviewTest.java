package com.sellergrowth.gift.api;

import static com.sellergrowth.gift.testsupport.Fixtures.OPERATOR;
import static com.sellergrowth.gift.testsupport.Fixtures.create;
import static com.sellergrowth.gift.testsupport.Fixtures.decide;
import static com.sellergrowth.gift.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.gift.testsupport.Fixtures.giftBody;
import static com.sellergrowth.gift.testsupport.Fixtures.photo;
import static com.sellergrowth.gift.testsupport.Fixtures.seller;
import static com.sellergrowth.gift.testsupport.Fixtures.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.sellergrowth.gift.domain.PhotoCheck;
import com.sellergrowth.gift.testsupport.Fixtures.Seller;
import com.sellergrowth.gift.testsupport.Images;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** GFT-1 and GFT-2 through the real API, database and broker: eligibility, photos on their bytes, automatic checks, review. */
@QuarkusTest
class GiftReviewTest {

  @Test
  void anIneligibleSellerIsRefusedWithEveryUnmetConditionItsValueAndTheBar_GFT1() {
    Seller s = seller("ENTERPRISE", false, 2, 9_400, 80);
    given().auth().oauth2(s.token()).get("/v1/gift-feature").then().statusCode(200).body("eligible", equalTo(false))
        .body("unmet.code", contains("GFT_STORE_LEVEL", "GFT_POSITIVE_RATING", "GFT_DISPUTE_RATE", "GFT_PAYMENT_ACCOUNT"))
        .body("unmet[0].value", equalTo("L2")).body("unmet[0].bar", equalTo("at least L3")).body("unmet[2].value", equalTo("0.80%"));
    create(s, giftBody("cat-home", "PLATFORM", 30)).then().statusCode(403).contentType("application/problem+json")
        .body("code", equalTo("ERR_GFT_NOT_ELIGIBLE"))
        .body("errors.code", contains("GFT_STORE_LEVEL", "GFT_POSITIVE_RATING", "GFT_DISPUTE_RATE", "GFT_PAYMENT_ACCOUNT"))
        .body("errors[1].message", equalTo("90-day positive rating is 94.00%; needs at least 95.00%"));
    assertThat(Db.count("SELECT count(*) FROM gift WHERE seller_id = ?", s.id())).isZero();
    given().auth().oauth2(Tokens.seller("never-published")).get("/v1/gift-feature").then().body("unmet.code", contains("GFT_SELLER_UNKNOWN"));
    given().auth().oauth2(eligibleSeller().token()).get("/v1/gift-feature").then().body("eligible", equalTo(true)).body("frozen", equalTo(false));
  }

  @Test
  void theAutomaticChecksRejectWithEveryReasonThenTheFixedGiftWaitsForAnOperator_GFT2() {
    Seller s = eligibleSeller();
    Map<String, Object> body = giftBody("cat-electronics", "PLATFORM", 30);
    body.put("packageFront", Map.of("notForSale", false, "brandLogo", true));
    body.remove("composition");
    body.remove("certificationMarks");
    String id = create(s, body).then().statusCode(201).body("status", equalTo("DRAFT")).body("version", equalTo(1)).extract().path("id");
    submit(s, id, 1).then().statusCode(200).body("status", equalTo("REJECTED"))
        .body("reasons", contains("GFT_PACKAGE_FRONT_PHOTO_MISSING", "GFT_NOT_FOR_SALE_MISSING", "GFT_COMPOSITION_MISSING",
            "GFT_CERTIFICATION_MARK_MISSING"));
    // the seller fixes every reason: the package front photo, the declarations, a CE mark
    photo(s, id, "PACKAGE_FRONT", Images.image("png", 800, 600), "front.png").then().statusCode(201)
        .body("contentType", equalTo("image/png")).body("width", equalTo(800));
    body = giftBody("cat-electronics", "PLATFORM", 30);
    body.put("certificationMarks", List.of("CE"));
    body.put("version", 2);
    given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(body).put("/v1/gifts/" + id).then().statusCode(200)
        .body("status", equalTo("DRAFT")).body("version", equalTo(3));
    submit(s, id, 3).then().statusCode(200).body("status", equalTo("IN_REVIEW")).body("reasons", org.hamcrest.Matchers.empty());
    given().auth().oauth2(OPERATOR).get("/v1/operator/gift-reviews?size=200").then().statusCode(200).body("id", hasItems(id));
    // two operators decide at once: one wins, the other gets 409, never a lost update
    List<CompletableFuture<Integer>> racing = List.of(
        CompletableFuture.supplyAsync(() -> decide(id, "approve", Map.of("version", 4)).statusCode()),
        CompletableFuture.supplyAsync(() -> decide(id, "reject", Map.of("version", 4, "reasonCodes", List.of("GFT_BLURRY_PHOTO"))).statusCode()));
    assertThat(racing.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
    String status = given().auth().oauth2(s.token()).get("/v1/gifts/" + id).then().statusCode(200).body("version", equalTo(5))
        .body("photos[0].sha256", equalTo(PhotoCheck.sha256(Images.image("png", 800, 600)))).extract().path("status");
    assertThat(status).isIn("APPROVED", "REJECTED");
    // the history: created, automatic rejection, edit, submission, the operator's decision
    given().auth().oauth2(s.token()).get("/v1/gifts/" + id).then()
        .body("history.action", contains("CREATED", "SUBMITTED", "AUTOMATIC_CHECKS_FAILED", "PHOTO_ADDED", "EDITED", "SUBMITTED", status))
        .body("history[6].actor", equalTo("operator:op-gift"));
  }

  @Test
  void anOperatorRejectsWithAReasonCodeAndTheSellerSeesIt_GFT2() {
    Seller s = eligibleSeller();
    String id = create(s, giftBody("cat-home", "PLATFORM", 30)).then().statusCode(201).extract().path("id");
    photo(s, id, "PACKAGE_FRONT", Images.image("jpg", 600, 600), "front.jpg").then().statusCode(201)
        .body("contentType", equalTo("image/jpeg"));
    submit(s, id, 1).then().body("status", equalTo("IN_REVIEW"));
    decide(id, "reject", Map.of("version", 2)).then().statusCode(422).body("errors.field", hasItems("reasonCodes"));
    decide(id, "reject", Map.of("version", 2, "reasonCodes", List.of("GFT_LOGO_UNREADABLE"), "note", "logo is cut off")).then().statusCode(200);
    given().auth().oauth2(s.token()).get("/v1/gifts/" + id).then().body("status", equalTo("REJECTED"))
        .body("reasons", contains("GFT_LOGO_UNREADABLE")).body("reviewNote", equalTo("logo is cut off"))
        .body("reviewedBy", equalTo("op-gift"));
    decide(id, "approve", Map.of("version", 3)).then().statusCode(409).body("code", equalTo("ERR_GIFT_STATE"));
    // the decision is on gift.events
    try (Kafka.Reader r = Kafka.readFromNow("gift.events")) {
      String other = create(s, giftBody("cat-home", "PLATFORM", 30)).then().extract().path("id");
      photo(s, other, "PACKAGE_FRONT", Images.image("png", 500, 500), "f.png").then().statusCode(201);
      submit(s, other, 1).then().statusCode(200);
      decide(other, "approve", Map.of("version", 2)).then().statusCode(200);
      r.await(rec -> rec.value().contains(other) && "gift.sku-approved".equals(Kafka.header(rec, "ce_type")), 1, Duration.ofSeconds(20));
    }
  }

  @Test
  void photosAreJudgedOnTheirBytes_GFT2() {
    Seller s = eligibleSeller();
    String id = create(s, giftBody("cat-home", "PLATFORM", 30)).then().statusCode(201).extract().path("id");
    photo(s, id, "PACKAGE_FRONT", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8), "front.png").then().statusCode(422)
        .body("errors.code", contains("ERR_PHOTO_TYPE"));
    photo(s, id, "PACKAGE_FRONT", Images.image("png", 100, 100), "small.png").then().statusCode(422)
        .body("errors.code", contains("ERR_PHOTO_PIXELS"));
    byte[] png = Images.image("png", 640, 480);
    photo(s, id, "PACKAGE_FRONT", java.util.Arrays.copyOf(png, png.length / 2), "cut.png").then().statusCode(422)
        .body("errors.code", contains("ERR_PHOTO_CORRUPT"));
    photo(s, id, "SELFIE", png, "x.png").then().statusCode(422).body("errors.field", contains("role"));
    given().auth().oauth2(s.token()).multiPart("role", "PRODUCT").post("/v1/gifts/" + id + "/photos").then().statusCode(422)
        .body("errors.field", contains("file"));
    photo(s, id, "PRODUCT", new byte[7 * 1024 * 1024], "huge.png").then().statusCode(413);
    // the same bytes twice are one photo
    String first = photo(s, id, "PRODUCT", png, "a.png").then().statusCode(201).extract().path("id");
    String again = photo(s, id, "PRODUCT", png, "b.png").then().statusCode(201).extract().path("id");
    assertThat(again).isEqualTo(first);
    assertThat(Db.count("SELECT count(*) FROM gift_photo WHERE gift_id = ?::uuid", id)).isEqualTo(1);
    // another seller's gift is not found
    photo(eligibleSeller(), id, "PRODUCT", png, "a.png").then().statusCode(404);
    // the same bytes again with another role: the role follows the latest upload
    photo(s, id, "PACKAGE_FRONT", png, "b.png").then().statusCode(201).body("role", equalTo("PACKAGE_FRONT")).body("id", equalTo(first));
    // the seller and the reviewing operator see the bytes as uploaded; the seller may remove a photo of an editable gift
    byte[] seen = given().auth().oauth2(s.token()).get("/v1/gifts/" + id + "/photos/" + first).then().statusCode(200)
        .contentType("image/png").header("X-Content-Type-Options", "nosniff").extract().asByteArray();
    assertThat(seen).isEqualTo(png);
    assertThat(given().auth().oauth2(OPERATOR).get("/v1/operator/gifts/" + id + "/photos/" + first).then().statusCode(200).extract()
        .asByteArray()).isEqualTo(png);
    given().auth().oauth2(s.token()).delete("/v1/gifts/" + id + "/photos/" + first).then().statusCode(204);
    given().auth().oauth2(s.token()).get("/v1/gifts/" + id).then().body("history.action", hasItems("PHOTO_ADDED", "PHOTO_REMOVED"));
    given().auth().oauth2(s.token()).get("/v1/gifts/" + id + "/photos/" + first).then().statusCode(404);
    submit(s, id, 1).then().statusCode(200).body("reasons", hasItems("GFT_PACKAGE_FRONT_PHOTO_MISSING"));
  }

  @Test
  void theSellersOwnPackagingWithoutItsRegistrationIsRejectedBeforeReview_GFT2_GFT7() {
    Seller s = eligibleSeller();
    String id = create(s, giftBody("cat-home", "OWN", 30)).then().statusCode(201).extract().path("id");
    photo(s, id, "PACKAGE_FRONT", Images.image("png", 640, 480), "front.png").then().statusCode(201);
    submit(s, id, 1).then().statusCode(200).body("status", equalTo("REJECTED")).body("reasons", contains("GFT_PACKAGING_NOT_REGISTERED"));
  }

  @Test
  void everyFieldErrorComesAtOnce() {
    Seller s = eligibleSeller();
    Map<String, Object> body = giftBody("cat home", "BOX", 0);
    body.put("version", 3);
    create(s, body).then().statusCode(422).body("errors.field", hasItems("version", "categoryId", "packaging", "weightGrams"));
    given().auth().oauth2(s.token()).get("/v1/gift-fees/quote?country=br&weightGrams=0&nfe=maybe").then().statusCode(422)
        .body("errors.field", hasItems("country", "weightGrams", "nfe"));
    decide(java.util.UUID.randomUUID().toString(), "reject", Map.of("reasonCodes", List.of("bad"))).then().statusCode(422)
        .body("errors.field", hasItems("version", "reasonCodes[0]"));
  }
}
