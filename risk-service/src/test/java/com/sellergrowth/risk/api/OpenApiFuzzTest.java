package com.sellergrowth.risk.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.testsupport.OpenApiFuzz;
import com.sellergrowth.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's net (SPEC section 9): malformed variants of every documented request, and no answer of 500 or more. The rule in
 * the path does not exist, so no variant the API accepts changes a threshold other tests rely on.
 */
@QuarkusTest
class OpenApiFuzzTest {

  @Test
  void noMalformedVariantOfAnyDocumentedRequestGetsA5xx() throws Exception {
    String operator = Tokens.operator("op-fuzz");
    String seller = Tokens.seller("seller-fuzz");
    OpenApiFuzz fuzz = new OpenApiFuzz("http://localhost:" + RestAssured.port,
        path -> path.startsWith("/v1/operator/") ? operator : path.startsWith("/v1/") ? seller : null, Map.of("rule", "RSK-0"));
    var findings = fuzz.run();
    assertThat(findings).as("answers of 500 or more").isEmpty();
    assertThat(fuzz.requests()).as("requests sent").isGreaterThan(100);
  }

  // Issue 15 / SPEC section 9: every endpoint documents its summary, its success and its refusals
  @Test
  void everyOperationDocumentsItsSuccessAndItsRefusals() throws Exception {
    assertThat(new OpenApiFuzz("http://localhost:" + RestAssured.port, path -> null, Map.of()).undocumented()).isEmpty();
  }
}
