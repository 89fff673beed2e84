package com.sellergrowth.shortlink.api;

import static com.sellergrowth.shortlink.testsupport.Fixtures.HOST;
import static com.sellergrowth.shortlink.testsupport.Fixtures.WAIT;
import static com.sellergrowth.shortlink.testsupport.Fixtures.eligibleSeller;
import static com.sellergrowth.shortlink.testsupport.Fixtures.linkBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.events.Topics;
import com.sellergrowth.shortlink.testsupport.Fixtures.Seller;
import com.sellergrowth.testsupport.Kafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** SPEC section 9: the trace of an API call continues into the events it publishes (traceparent in the Kafka headers). */
@QuarkusTest
class TracePropagationTest {

  @Test
  void anApiCallsTraceTravelsWithTheEventItPublishes() {
    Seller s = eligibleSeller();
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    String traceId = HexFormat.of().formatHex(id);
    try (Kafka.Reader reader = Kafka.readFromNow(Topics.SHORTLINK_EVENTS)) {
      String code = given().auth().oauth2(s.token()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
          .contentType(ContentType.JSON).body(linkBody(HOST + "/item/1")).post("/v1/links").then().statusCode(201).extract().path("code");
      var created = reader.await(r -> code.equals(r.key()) && "shortlink.link-created".equals(Kafka.header(r, "ce_type")), 1, WAIT);
      assertThat(Kafka.header(created.get(0), "traceparent")).startsWith("00-" + traceId + "-");
    }
  }
}
