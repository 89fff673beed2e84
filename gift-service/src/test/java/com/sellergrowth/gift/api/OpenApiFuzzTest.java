package com.sellergrowth.gift.api;

import static com.sellergrowth.gift.testsupport.Fixtures.OPERATOR;
import static com.sellergrowth.gift.testsupport.Fixtures.dispatchOf;
import static com.sellergrowth.gift.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.gift.testsupport.Fixtures.giftOnOffer;
import static com.sellergrowth.gift.testsupport.Fixtures.order;
import static com.sellergrowth.gift.testsupport.Fixtures.paid;
import static com.sellergrowth.gift.testsupport.Fixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.gift.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.OpenApiFuzz;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The net under every endpoint (SPEC section 9): malformed variants of every request the OpenAPI document describes, with a
 * valid token and ids that exist, and not one answer of 500 or more.
 */
@QuarkusTest
class OpenApiFuzzTest {

  @Test
  void noMalformedVariantOfAnyDocumentedRequestGetsA5xx() throws Exception {
    Seller s = eligibleSeller();
    String gift = giftOnOffer(s, 3);
    OrderSnapshot o = order(s, uid("buyer"), "US", 5_000, "c");
    paid(o);
    dispatchOf(s, o.orderId());
    String photo = Db.string("SELECT id::text FROM gift_photo WHERE gift_id = ?::uuid", gift);
    OpenApiFuzz fuzz = new OpenApiFuzz("http://localhost:" + RestAssured.port,
        path -> path.startsWith("/v1/operator/") ? OPERATOR : path.startsWith("/v1/") ? s.token() : null,
        Map.of("id", gift, "photoId", photo, "orderId", o.orderId()));
    var findings = fuzz.run();
    assertThat(findings).as("answers of 500 or more").isEmpty();
    assertThat(fuzz.requests()).as("requests sent").isGreaterThan(1_000);
    // the variants the API accepted (a transfer id "NOPE" is a valid id) left nothing half-written: stock is what was transferred
    assertThat(Db.count("SELECT on_hand FROM gift_stock WHERE gift_id = ?::uuid", gift))
        .isEqualTo(Db.count("SELECT sum(quantity) FROM stock_transfer WHERE gift_id = ?::uuid", gift));
    assertThat(Db.count("SELECT count(*) FROM gift_stock WHERE on_hand < reserved OR reserved < 0")).isZero();
  }
}
