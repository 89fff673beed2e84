import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * gift-service under load (bench/gifts.sh runs it against the running service). Setup through the real API: an eligible
 * seller, an approved gift with enough units in the gift warehouse, a rule every bench order meets. Then: a warm-up of paid
 * orders, and a backlog of paid orders published as fast as possible; the sustained rate is the backlog over the time until
 * the service's group has committed past it and its dispatch-created events are on gift.events (match, reserve, write,
 * publish). Prints the rate and one labelled dispatch's id for the label benchmark.
 */
public class GiftBench {
  static KafkaProducer<String, String> producer;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String api = args[1];
    String sellerId = args[2];
    String token = args[3];
    String operator = args[4];
    int warmup = Integer.parseInt(args[5]);
    int backlog = Integer.parseInt(args[6]);
    Path photo = Path.of(args[7]);
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("acks", "1");
    p.put("linger.ms", "5");
    p.put("batch.size", "131072");
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    producer = new KafkaProducer<>(p);

    Instant now = Instant.now();
    send("platform.sellers", sellerId, "platform.seller-profile-updated", now, "{\"sellerId\":\"" + sellerId
        + "\",\"entityType\":\"ENTERPRISE\",\"verified\":true,\"paymentAccountBound\":true,\"paymentAccountKycVerified\":true,\"storeLevel\":4,"
        + "\"positiveRating90dBp\":9800,\"disputeRate30dBp\":20,\"affiliateMember\":false,\"violations\":[],\"occurredAt\":\"" + now + "\"}");
    producer.flush();
    String gift = null;
    for (int i = 0; i < 120 && gift == null; i++) {
      var r = post(api + "/v1/gifts", token, "{\"name\":\"Bench gift\",\"categoryId\":\"cat-home\",\"composition\":\"paper\",\"weightGrams\":30,"
          + "\"packaging\":\"PLATFORM\",\"packageFront\":{\"notForSale\":true,\"brandLogo\":true},\"noInfringementDeclared\":true}");
      if (r.statusCode() == 201) {
        gift = field(r.body(), "id");
      } else {
        Thread.sleep(500); // the profile travels through Kafka
      }
    }
    if (gift == null) {
      throw new IllegalStateException("the seller never became eligible");
    }
    upload(api + "/v1/gifts/" + gift + "/photos", token, Files.readAllBytes(photo));
    expect(post(api + "/v1/gifts/" + gift + "/submit", token, "{\"version\":1}"), 200);
    expect(post(api + "/v1/operator/gifts/" + gift + "/approve", operator, "{\"version\":2}"), 200);
    expect(post(api + "/v1/gifts/" + gift + "/transfers", token, "{\"transferId\":\"bench\",\"quantity\":" + (warmup + backlog + 10) + "}"), 201);
    expect(post(api + "/v1/gift-rules", token, "{\"giftId\":\"" + gift + "\",\"thresholdMinor\":1000,\"currency\":\"USD\",\"priority\":1}"), 201);

    System.err.println("warm-up: " + warmup + " paid orders");
    publishAndWait(bootstrap, sellerId, warmup);
    System.err.println("backlog: " + backlog + " paid orders, as fast as possible");
    long nanos = publishAndWait(bootstrap, sellerId, backlog);
    double seconds = nanos / 1e9;
    System.out.printf("gift-service sustained: %.0f paid orders/s into dispatch decisions (%d orders in %.1f s: matched, reserved, written, "
        + "published)%n", backlog / seconds, backlog, seconds);

    // one dispatch labelled, for the label PDF benchmark
    var list = get(api + "/v1/dispatches?status=PENDING&size=1", token);
    String dispatch = field(list.body(), "id");
    expect(post(api + "/v1/dispatches/" + dispatch + "/label", token, "{\"version\":1}"), 200);
    System.out.println("LABELLED_DISPATCH=" + dispatch);
    producer.close();
  }

  /** Publishes {@code n} paid orders, then waits until the group committed past them and gift.events grew by n; the nanoseconds. */
  static long publishAndWait(String bootstrap, String sellerId, int n) throws Exception {
    Map<TopicPartition, Long> giftBefore = ends(bootstrap, "gift.events");
    long giftStart = giftBefore.values().stream().mapToLong(Long::longValue).sum();
    long start = System.nanoTime();
    Instant at = Instant.now();
    for (int i = 0; i < n; i++) {
      String order = "bench-" + UUID.randomUUID();
      send("platform.orders", order, "platform.order-paid", at, "{\"order\":{\"orderId\":\"" + order + "\",\"buyerId\":\"buyer-" + (i % 5000)
          + "\",\"sellerId\":\"" + sellerId + "\",\"country\":\"US\",\"currency\":\"USD\",\"amountMinor\":5000,\"lines\":[{\"sku\":\"s\","
          + "\"spuId\":\"p\",\"categoryId\":\"cat-home\",\"quantity\":1,\"unitPriceMinor\":5000}],\"logisticsService\":\"std\","
          + "\"couponClaimIds\":[]},\"occurredAt\":\"" + at + "\"}");
    }
    producer.flush();
    Map<TopicPartition, Long> targets = ends(bootstrap, "platform.orders");
    while (lag(bootstrap, targets) > 0
        || ends(bootstrap, "gift.events").values().stream().mapToLong(Long::longValue).sum() - giftStart < n) {
      Thread.sleep(50);
    }
    return System.nanoTime() - start;
  }

  static void send(String topic, String key, String type, Instant at, String json) {
    RecordHeaders h = new RecordHeaders();
    h.add("ce_specversion", b("1.0"));
    h.add("ce_id", b(UUID.randomUUID().toString()));
    h.add("ce_type", b(type));
    h.add("ce_source", b("urn:sellergrowth:bench"));
    h.add("ce_time", b(at.toString()));
    h.add("ce_eventversion", b("1"));
    producer.send(new ProducerRecord<>(topic, null, key, json, h));
  }

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static HttpResponse<String> post(String url, String token, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String url, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static void upload(String url, String token, byte[] png) throws Exception {
    String boundary = "bench" + UUID.randomUUID();
    var out = new java.io.ByteArrayOutputStream();
    out.write(b("--" + boundary + "\r\nContent-Disposition: form-data; name=\"role\"\r\n\r\nPACKAGE_FRONT\r\n"));
    out.write(b("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"front.png\"\r\nContent-Type: image/png\r\n\r\n"));
    out.write(png);
    out.write(b("\r\n--" + boundary + "--\r\n"));
    expect(HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
        .build(), HttpResponse.BodyHandlers.ofString()), 201);
  }

  static void expect(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static Map<TopicPartition, Long> ends(String bootstrap, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
      for (var info : admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
        specs.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
      }
      Map<TopicPartition, Long> out = new HashMap<>();
      admin.listOffsets(specs).all().get().forEach((tp, r) -> out.put(tp, r.offset()));
      return out;
    }
  }

  /** Records of {@code targets} gift-service's group has not committed yet. */
  static long lag(String bootstrap, Map<TopicPartition, Long> targets) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("gift-service").partitionsToOffsetAndMetadata().get();
      long lag = 0;
      for (var e : targets.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        lag += Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
      }
      return lag;
    }
  }
}
