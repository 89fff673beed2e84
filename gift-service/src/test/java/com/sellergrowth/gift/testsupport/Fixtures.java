package com.sellergrowth.gift.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.sellergrowth.events.platform.OrderLine;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
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

/** Object mother for gift tests: sellers published through the real broker, gifts created and reviewed through the real API. */
public final class Fixtures {
  public static final Duration WAIT = Duration.ofSeconds(30);
  public static final String OPERATOR = Tokens.operator("op-gift");

  /** A seller and its token. */
  public record Seller(String id, String token) {
  }

  public static String uid(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A seller who meets every condition of GFT-1, once the service applied its profile. */
  public static Seller eligibleSeller() {
    return seller("ENTERPRISE", true, 3, 9_500, 50);
  }

  public static Seller seller(String entity, boolean verifiedPayment, int level, int positiveBp, int disputeBp) {
    awaitConsumers();
    String id = uid("seller");
    Instant now = TestClock.get().now();
    Kafka.publish(id, new SellerProfileUpdatedV1(id, entity, true, verifiedPayment, verifiedPayment, level, positiveBp, disputeBp, false,
        List.of(), now), now);
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM seller_profile WHERE seller_id = ?", id) == 1);
    return new Seller(id, Tokens.seller(id));
  }

  /** A gift body that passes every automatic check (GFT-2). */
  public static Map<String, Object> giftBody(String category, String packaging, int weightGrams) {
    Map<String, Object> b = new HashMap<>();
    b.put("name", "Sample " + category);
    b.put("categoryId", category);
    b.put("composition", "silicone");
    b.put("filingNumber", "GD-G-2026-0001"); // food and cosmetics need one (GFT-2); harmless elsewhere
    b.put("certificationMarks", List.of("CE")); // electronics need one (GFT-2)
    b.put("weightGrams", weightGrams);
    b.put("packaging", packaging);
    b.put("packageFront", Map.of("notForSale", true, "brandLogo", true));
    b.put("noInfringementDeclared", true);
    return b;
  }

  public static Response create(Seller s, Map<String, Object> body) {
    return given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(body).post("/v1/gifts");
  }

  public static Response photo(Seller s, String giftId, String role, byte[] bytes, String fileName) {
    return given().auth().oauth2(s.token()).multiPart("file", fileName, bytes, "image/png").multiPart("role", role)
        .post("/v1/gifts/" + giftId + "/photos");
  }

  public static Response submit(Seller s, String giftId, int version) {
    return given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("version", version))
        .post("/v1/gifts/" + giftId + "/submit");
  }

  public static Response decide(String giftId, String decision, Map<String, Object> body) {
    return given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body).post("/v1/operator/gifts/" + giftId + "/" + decision);
  }

  /** An approved gift with {@code units} in the gift warehouse. */
  public static String approvedGift(Seller s, String category, String packaging, int weightGrams, long units) {
    String id = create(s, giftBody(category, packaging, weightGrams)).then().statusCode(201).extract().path("id");
    photo(s, id, "PACKAGE_FRONT", Images.image("png", 640, 480), "front.png").then().statusCode(201);
    submit(s, id, 1).then().statusCode(200);
    decide(id, "approve", Map.of("version", 2)).then().statusCode(200);
    if (units > 0) {
      transfer(s, id, uid("t"), units).then().statusCode(201);
    }
    return id;
  }

  /** An approved gift (cat-home, platform packaging, 30 g) with {@code units} in stock, given to every order of 10.00 USD or more. */
  public static String giftOnOffer(Seller s, long units) {
    String gift = approvedGift(s, "cat-home", "PLATFORM", 30, units);
    rule(s, gift, 1_000, 1);
    return gift;
  }

  public static Response transfer(Seller s, String giftId, String transferId, long quantity) {
    return given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(Map.of("transferId", transferId, "quantity", quantity))
        .post("/v1/gifts/" + giftId + "/transfers");
  }

  public static Response rule(Seller s, Map<String, Object> body) {
    return given().auth().oauth2(s.token()).contentType(ContentType.JSON).body(body).post("/v1/gift-rules");
  }

  /** A rule: orders of at least {@code threshold} USD minor units get the gift. */
  public static String rule(Seller s, String giftId, long threshold, int priority) {
    Map<String, Object> b = new HashMap<>();
    b.put("giftId", giftId);
    b.put("thresholdMinor", threshold);
    b.put("currency", "USD");
    b.put("priority", priority);
    return rule(s, b).then().statusCode(201).extract().path("id");
  }

  public static OrderSnapshot order(Seller s, String buyer, String country, long amountMinor, String category) {
    return new OrderSnapshot(uid("order"), buyer, s.id(), country, "USD", amountMinor,
        List.of(new OrderLine("SKU-1", "spu-1", category, null, 1, amountMinor)), "AliExpress Standard", List.of(), null, null, null);
  }

  /** Publishes the order as paid now (test clock) and waits until the service applied it; the event id. */
  public static String paid(OrderSnapshot o) {
    Instant now = TestClock.get().now();
    String id = Kafka.publish(o.orderId(), new OrderPaidV1(o, now), now);
    awaitProcessed(id);
    return id;
  }

  public static void awaitProcessed(String eventId) {
    await().atMost(WAIT).until(() -> Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
  }

  public static String outcome(String orderId) {
    return Db.string("SELECT outcome FROM order_fact WHERE order_id = ?", orderId);
  }

  /** The seller's dispatch of an order as the API shows it. */
  public static io.restassured.path.json.JsonPath dispatchOf(Seller s, String orderId) {
    String id = Db.string("SELECT id::text FROM dispatch WHERE order_id = ?", orderId);
    return given().auth().oauth2(s.token()).get("/v1/dispatches/" + id).then().statusCode(200).extract().jsonPath();
  }

  public static long available(String giftId) {
    return Db.count("SELECT on_hand - reserved FROM gift_stock WHERE gift_id = ?::uuid", giftId);
  }

  /**
   * Waits until the orders consumer holds its partitions: in tests it reads from "now" (application.properties), so an
   * order published before it is assigned would be missed.
   */
  public static synchronized void awaitConsumers() {
    var kafka = io.quarkus.arc.Arc.container().instance(io.smallrye.reactive.messaging.kafka.KafkaClientService.class).get();
    await().atMost(WAIT).until(() -> {
      var consumer = kafka.getConsumer("platform-orders-in");
      return consumer != null && !consumer.getAssignments().await().atMost(Duration.ofSeconds(5)).isEmpty();
    });
  }

  private Fixtures() {
  }
}
