package com.sellergrowth.attribution.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.platform.OrderLine;
import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Object mother for attribution tests: sellers published through the real broker, codes created through the real API, clicks as browsers make them. */
public final class Fixtures {
  public static final Duration WAIT = Duration.ofSeconds(30);
  public static final String HOST = "https://www.marketplace.example";
  public static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

  /** A seller and its token. */
  public record Seller(String id, String token) {
  }

  public static String uid(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String ip() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  /** A seller whose profile the platform published (ATR-2: affiliate member or not), once the service applied it. */
  public static Seller seller(boolean affiliate) {
    awaitConsumers();
    String id = uid("seller");
    Instant now = TestClock.get().now();
    Kafka.publish(id, new SellerProfileUpdatedV1(id, "ENTERPRISE", true, true, true, 3, 9_800, 50, affiliate, List.of(), now), now);
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM seller_profile WHERE seller_id = ?", id) == 1);
    return new Seller(id, Tokens.seller(id));
  }

  public static Map<String, Object> codeBody(String target, String campaign) {
    Map<String, Object> body = new HashMap<>();
    body.put("target", target);
    body.put("utm_source", "instagram");
    body.put("utm_medium", "social");
    body.put("utm_campaign", campaign);
    body.put("utm_content", "reel 1 & ü");
    return body;
  }

  public static Response create(Seller s, Map<String, Object> body) {
    return given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(body).post("/v1/codes");
  }

  /** Creates a code; its id and link. */
  public static Map<String, Object> createCode(Seller s, String target) {
    return create(s, codeBody(target, uid("camp"))).then().statusCode(201).extract().jsonPath().getMap("");
  }

  /** Follows a link as a browser behind the gateway, without following the redirect. */
  public static Response visit(String link, String device, String userAgent) {
    URI u = URI.create(link);
    var req = given().redirects().follow(false).urlEncodingEnabled(false).header("X-Forwarded-For", ip());
    if (device != null) {
      req = req.header("X-Device-Id", device);
    }
    if (userAgent != null) {
      req = req.header("User-Agent", userAgent);
    }
    return req.get(u.getRawPath() + "?" + u.getRawQuery());
  }

  /** The click id a redirect answered with (its af_click parameter). */
  public static String clickIdOf(Response redirect) {
    String location = redirect.header("Location");
    return location.substring(location.indexOf("af_click=") + 9, location.indexOf("af_click=") + 9 + 36);
  }

  public static void awaitClick(String clickId) {
    awaitClick(clickId, WAIT);
  }

  /** As above, with a longer wait. */
  public static void awaitClick(String clickId, Duration wait) {
    await().atMost(wait).until(() -> Db.count("SELECT count(*) FROM click WHERE click_id = ?::uuid", clickId) == 1);
  }

  public static String reasonOf(String clickId) {
    return Db.string("SELECT coalesce(invalid_reason, 'RISK_' || risk_reason, 'COUNTED') FROM click WHERE click_id = ?::uuid", clickId);
  }

  /** An order of the seller from a device: one line of the given category. */
  public static OrderSnapshot order(Seller s, String orderId, String device, String clickId, String category, long unitPriceMinor) {
    return new OrderSnapshot(orderId, uid("buyer"), s.id(), "ES", "EUR", unitPriceMinor * 2,
        List.of(new OrderLine("SKU-1", "spu-1", category, null, 2, unitPriceMinor)), "AliExpress Standard", List.of(), clickId, device, null);
  }

  /** Waits until the service applied the event with this id. */
  public static void awaitProcessed(String eventId) {
    awaitProcessed(eventId, WAIT);
  }

  /** As above, with a longer wait (a replay from offset 0 of a broker with history). */
  public static void awaitProcessed(String eventId, Duration wait) {
    await().atMost(wait).until(() -> Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
  }

  /**
   * Waits until the click and order consumers hold their partitions: in tests they read from "now" (application.properties),
   * so what is published before they are assigned would be missed.
   */
  public static synchronized void awaitConsumers() {
    var kafka = io.quarkus.arc.Arc.container().instance(io.smallrye.reactive.messaging.kafka.KafkaClientService.class).get();
    for (String channel : List.of("attribution-events-in", "platform-orders-in")) {
      await().atMost(WAIT).until(() -> {
        var consumer = kafka.getConsumer(channel);
        return consumer != null && !consumer.getAssignments().await().atMost(Duration.ofSeconds(5)).isEmpty();
      });
    }
  }

  private Fixtures() {
  }
}
