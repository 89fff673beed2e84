package com.sellergrowth.gift.api;

import static com.sellergrowth.gift.testsupport.Fixtures.OPERATOR;
import static com.sellergrowth.gift.testsupport.Fixtures.approvedGift;
import static com.sellergrowth.gift.testsupport.Fixtures.dispatchOf;
import static com.sellergrowth.gift.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.gift.testsupport.Fixtures.order;
import static com.sellergrowth.gift.testsupport.Fixtures.paid;
import static com.sellergrowth.gift.testsupport.Fixtures.rule;
import static com.sellergrowth.gift.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.gift.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC section 9: a seller reaches only their own gifts, rules and dispatches (another's answer 404); operators only with the role. */
@QuarkusTest
class AccessTest {

  private record Call(String method, String path, String body, String token, int expected) {
  }

  @Test
  void anotherSellersResourcesAre404AndOperatorEndpointsNeedTheRole() {
    Seller owner = eligibleSeller();
    Seller other = eligibleSeller();
    String gift = approvedGift(owner, "cat-home", "PLATFORM", 30, 3);
    String ruleId = rule(owner, gift, 1_000, 1);
    OrderSnapshot o = order(owner, uid("buyer"), "US", 5_000, "c");
    paid(o);
    String dispatch = dispatchOf(owner, o.orderId()).getString("id");
    String photo = Db.string("SELECT id::text FROM gift_photo WHERE gift_id = ?::uuid", gift);
    String t = other.token();
    String gb = "{\"name\":\"n\",\"categoryId\":\"cat-a\",\"weightGrams\":30,\"packaging\":\"PLATFORM\","
        + "\"packageFront\":{\"notForSale\":true,\"brandLogo\":true},\"noInfringementDeclared\":true,\"version\":3}";
    List<Call> calls = List.of(
        new Call("GET", "/v1/gifts/" + gift, null, t, 404),
        new Call("PUT", "/v1/gifts/" + gift, gb, t, 404),
        new Call("POST", "/v1/gifts/" + gift + "/submit", "{\"version\":3}", t, 404),
        new Call("GET", "/v1/gifts/" + gift + "/photos/" + photo, null, t, 404),
        new Call("DELETE", "/v1/gifts/" + gift + "/photos/" + photo, null, t, 404),
        new Call("POST", "/v1/gifts/" + gift + "/transfers", "{\"transferId\":\"x\",\"quantity\":1}", t, 404),
        new Call("POST", "/v1/gift-rules", "{\"giftId\":\"" + gift + "\",\"thresholdMinor\":1,\"currency\":\"USD\",\"priority\":1}", t, 404),
        new Call("POST", "/v1/gift-rules/" + ruleId + "/deactivate", "{\"version\":1}", t, 404),
        new Call("GET", "/v1/dispatches/" + dispatch, null, t, 404),
        new Call("POST", "/v1/dispatches/" + dispatch + "/label", "{\"version\":1}", t, 404),
        new Call("GET", "/v1/dispatches/" + dispatch + "/label.pdf", null, t, 404),
        new Call("POST", "/v1/dispatches/" + dispatch + "/confirm", "{\"version\":1}", t, 404),
        new Call("GET", "/v1/orders/" + o.orderId() + "/gift-recommendations", null, t, 404),
        // operator endpoints with a seller's token, seller endpoints with an operator's
        new Call("GET", "/v1/operator/gift-reviews", null, owner.token(), 403),
        new Call("GET", "/v1/operator/gifts/" + gift, null, owner.token(), 403),
        new Call("GET", "/v1/operator/gifts/" + gift + "/photos/" + photo, null, owner.token(), 403),
        new Call("POST", "/v1/operator/gifts/" + gift + "/approve", "{\"version\":3}", owner.token(), 403),
        new Call("POST", "/v1/operator/gifts/" + gift + "/reject", "{\"version\":3,\"reasonCodes\":[\"GFT_X\"]}", owner.token(), 403),
        new Call("POST", "/v1/operator/dispatches/expire-due", null, owner.token(), 403),
        new Call("GET", "/v1/gifts", null, OPERATOR, 403),
        new Call("GET", "/v1/gift-feature", null, null, 401),
        new Call("GET", "/v1/dispatches", null, null, 401));
    List<String> wrong = new ArrayList<>();
    for (Call c : calls) {
      var req = given();
      if (c.token() != null) {
        req = req.auth().oauth2(c.token());
      }
      if (c.body() != null) {
        req = req.contentType(ContentType.JSON).body(c.body());
      }
      int status = req.request(c.method(), c.path()).statusCode();
      if (status != c.expected()) {
        wrong.add(c.method() + " " + c.path() + " -> " + status + ", expected " + c.expected());
      }
    }
    assertThat(wrong).isEmpty();
    // nothing of the owner's changed
    given().auth().oauth2(owner.token()).get("/v1/dispatches/" + dispatch).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("PENDING")).body("version", org.hamcrest.Matchers.equalTo(1));
    assertThat(Db.count("SELECT on_hand FROM gift_stock WHERE gift_id = ?::uuid", gift)).isEqualTo(3);
    assertThat(Db.count("SELECT count(*) FROM gift_photo WHERE gift_id = ?::uuid", gift)).isEqualTo(1);
    assertThat(Db.count("SELECT count(*) FROM trigger_rule WHERE gift_id = ?::uuid AND active", gift)).isEqualTo(1);
  }
}
