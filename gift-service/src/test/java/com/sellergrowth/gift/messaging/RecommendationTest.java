package com.sellergrowth.gift.messaging;

import static com.sellergrowth.gift.testsupport.Fixtures.approvedGift;
import static com.sellergrowth.gift.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.gift.testsupport.Fixtures.paid;
import static com.sellergrowth.gift.testsupport.Fixtures.uid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.events.platform.OrderLine;
import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.gift.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GFT-10 from past events: the buyer's history ranks the gifts, and every score shows its figures. */
@QuarkusTest
class RecommendationTest {

  @BeforeEach
  void clock() {
    TestClock.get().reset();
  }

  private static OrderSnapshot order(String seller, String buyer, String category) {
    return new OrderSnapshot(uid("order"), buyer, seller, "BR", "USD", 1_000, List.of(new OrderLine("SKU", "spu", category, null, 1, 1_000)),
        "std", List.of(), null, null, null);
  }

  @Test
  void theBuyersHistoryRanksTheSellersGiftsAndEachScoreIsExplained_GFT10() {
    Seller s = eligibleSeller();
    String beauty = uid("cat-beauty");
    String phone = uid("cat-phone");
    String lip = approvedGift(s, beauty, "PLATFORM", 30, 5);
    String ring = approvedGift(s, phone, "PLATFORM", 30, 5);
    approvedGift(s, uid("cat-empty"), "PLATFORM", 30, 0); // no stock: not recommended
    String buyer = uid("buyer");
    for (int i = 0; i < 3; i++) {
      paid(order(s.id(), buyer, beauty));
    }
    paid(order(s.id(), buyer, phone));
    paid(order("another-seller", buyer, phone)); // what the buyer does elsewhere is not this seller's to see (SPEC section 9)
    OrderSnapshot now = order(s.id(), buyer, uid("cat-other"));
    paid(now);

    JsonPath r = given().auth().oauth2(s.token()).get("/v1/orders/" + now.orderId() + "/gift-recommendations").then().statusCode(200)
        .extract().jsonPath();
    assertThat(r.getString("buyerId")).isEqualTo(buyer);
    assertThat(r.getString("country")).isEqualTo("BR");
    assertThat(r.getList("gifts.gift.giftId")).containsExactly(lip, ring);
    // buyer: 3 of the buyer's 5 paid orders with this seller had a beauty line, 1 of 5 a phone line (the order elsewhere: not counted)
    assertThat(r.getInt("gifts[0].parts[0].numerator")).isEqualTo(3);
    assertThat(r.getInt("gifts[0].parts[0].denominator")).isEqualTo(5);
    assertThat(r.getInt("gifts[0].parts[0].valuePpm")).isEqualTo(600_000);
    assertThat(r.getInt("gifts[1].parts[0].numerator")).isEqualTo(1);
    assertThat(r.getInt("gifts[1].parts[0].denominator")).isEqualTo(5);
    // country: nothing of these new categories shipped to BR yet; heat: their recent paid orders
    assertThat(r.getInt("gifts[0].parts[1].numerator")).isZero();
    assertThat(r.getInt("gifts[0].parts[2].numerator")).isEqualTo(3);
    assertThat(r.getInt("gifts[1].parts[2].numerator")).isEqualTo(2); // heat is the market's: both phone orders
    assertThat(r.getLong("gifts[0].scorePpm")).isGreaterThan(r.getLong("gifts[1].scorePpm"));
    assertThat(r.getString("gifts[0].parts[0].explanation")).endsWith("3 of 5");
    // another seller's order is not found
    given().auth().oauth2(eligibleSeller().token()).get("/v1/orders/" + now.orderId() + "/gift-recommendations").then().statusCode(404);
  }
}
