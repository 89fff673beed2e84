package com.sellergrowth.shortlink.api;

import static com.sellergrowth.shortlink.testsupport.Fixtures.HOST;
import static com.sellergrowth.shortlink.testsupport.Fixtures.createLink;
import static com.sellergrowth.shortlink.testsupport.Fixtures.eligibleSeller;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.shortlink.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.OpenApiFuzz;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15's net (SPEC section 9): malformed variants of every documented request, and no answer of 500 or more. */
@QuarkusTest
class OpenApiFuzzTest {

  @Test
  void noMalformedVariantOfAnyDocumentedRequestGetsA5xx() throws Exception {
    Seller s = eligibleSeller();
    String code = createLink(s, HOST + "/item/fuzz");
    String operator = Tokens.operator("op-fuzz");
    OpenApiFuzz fuzz = new OpenApiFuzz("http://localhost:" + RestAssured.port,
        path -> path.startsWith("/v1/operator/") ? operator : path.startsWith("/v1/") ? s.token() : null, Map.of("code", code))
        // (the batch answers 200 with a result per row, refused rows included: its rows meet POST /v1/links's checks)
        .withValidBodies(Map.of(
            "POST /v1/links", "{\"target\":\"" + HOST + "/item/fz\",\"channel\":\"wechat\",\"campaign\":\"c1\","
                + "\"utm\":{\"utm_source\":\"s\",\"utm_medium\":\"m\",\"utm_campaign\":\"c\"},\"maxVisits\":10}",
            "PUT /v1/links/{code}/target", "{\"target\":\"" + HOST + "/item/fzt\"}"));
    var findings = fuzz.run();
    assertThat(findings).as("answers of 500 or more, and hostile values accepted").isEmpty();
    assertThat(fuzz.requests()).as("requests sent").isGreaterThan(300);
  }

  // Issue 15 / SPEC section 9: every endpoint documents its summary, its success and its refusals
  @Test
  void everyOperationDocumentsItsSuccessAndItsRefusals() throws Exception {
    assertThat(new OpenApiFuzz("http://localhost:" + RestAssured.port, path -> null, Map.of()).undocumented()).isEmpty();
  }
}
