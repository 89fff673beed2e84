package com.sellergrowth.shortlink.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.events.platform.Violation;
import com.sellergrowth.testsupport.Db;
import com.sellergrowth.testsupport.Kafka;
import com.sellergrowth.testsupport.TestClock;
import com.sellergrowth.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Object mother for shortlink tests: sellers whose profiles the platform published through the real broker, links created
 * through the real API, and redirects as a browser behind the gateway makes them (X-Forwarded-For, a real user agent).
 */
public final class Fixtures {
  public static final Duration WAIT = Duration.ofSeconds(30);
  public static final String HOST = "https://www.marketplace.example";
  public static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
      + "Chrome/120.0.0.0 Safari/537.36";
  public static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
      + "Version/17.1 Mobile/15E148 Safari/604.1";

  /** A seller and its token. */
  public record Seller(String id, String token) {
  }

  public static String uid(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A fresh client address, so that tests never share a rate-limit window. */
  public static String ip() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  /** SHL-3: a verified enterprise seller without violations, known to the service. */
  public static Seller eligibleSeller() {
    return seller("ENTERPRISE", true, List.of());
  }

  /** A seller with this profile, published on platform.sellers and applied by the service. */
  public static Seller seller(String entityType, boolean verified, List<Violation> violations) {
    String id = uid("seller");
    Instant now = TestClock.get().now();
    Kafka.publish(id, new SellerProfileUpdatedV1(id, entityType, verified, true, true, 3, 9_800, 50, false, violations, now), now);
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM seller_profile WHERE seller_id = ?", id) == 1);
    return new Seller(id, Tokens.seller(id));
  }

  /** SHL-5: the platform's stock observation of a SKU, once the service consumed it (applied, or ignored as older). */
  public static void stock(Seller seller, String sku, long quantity, boolean listed, Instant observedAt) {
    String id = Kafka.publish(sku, new StockSyncedV1(sku, seller.id(), "spu-" + sku, "cat-1", null, quantity, listed, null, null,
        "PLATFORM", observedAt), observedAt);
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", id) == 1);
  }

  public static Map<String, Object> linkBody(String target) {
    Map<String, Object> body = new HashMap<>();
    body.put("target", target);
    return body;
  }

  public static Response create(Seller seller, Map<String, Object> body) {
    return given().auth().oauth2(seller.token()).contentType(ContentType.JSON).body(body).post("/v1/links");
  }

  /** Creates a link and answers its code. */
  public static String createLink(Seller seller, Map<String, Object> body) {
    return create(seller, body).then().statusCode(201).extract().path("code");
  }

  public static String createLink(Seller seller, String target) {
    return createLink(seller, linkBody(target));
  }

  /** {@code GET /{code}} as a browser behind the gateway, without following the redirect. */
  public static Response visit(String code, String ip, String userAgent) {
    return given().redirects().follow(false).header("X-Forwarded-For", ip).header("User-Agent", userAgent).get("/" + code);
  }

  public static Response visit(String code) {
    return visit(code, ip(), DESKTOP);
  }

  /** Waits until the shortlink.events consumer holds its partitions (it reads from "now" in tests: see application.properties). */
  public static void awaitClickConsumer() {
    var kafka = io.quarkus.arc.Arc.container().instance(io.smallrye.reactive.messaging.kafka.KafkaClientService.class).get();
    await().atMost(WAIT).until(() -> {
      var consumer = kafka.getConsumer("shortlink-events-in");
      return consumer != null && !consumer.getAssignments().await().atMost(Duration.ofSeconds(5)).isEmpty();
    });
  }

  private Fixtures() {
  }
}
