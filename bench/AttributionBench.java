import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * attribution-service under load (bench/attribution.sh runs it against the running service).
 * Setup: an affiliate seller, 50 codes and a probe code through the real API. Phase 1: clicks (as the redirect's outbox
 * relay publishes them on attribution.events) and paid orders of the clicking devices (platform.orders), 4 to 1, at the
 * offered rate; twice a second a probe click on the probe code, whose report one poller reads every 20 ms: click-to-report
 * latency. Phase 2: a backlog published as fast as possible, and the time until the service's group has committed past it
 * on both topics: its sustained rate.
 */
public class AttributionBench {
  static KafkaProducer<String, String> producer;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String api = args[1];
    String sellerId = args[2];
    String token = args[3];
    int rate = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);
    int backlog = Integer.parseInt(args[6]);
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("acks", "1");
    p.put("linger.ms", "5");
    p.put("batch.size", "131072");
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    producer = new KafkaProducer<>(p);

    Instant now = Instant.now();
    send("platform.sellers", sellerId, "platform.seller-profile-updated", UUID.randomUUID().toString(), now, "{\"sellerId\":\"" + sellerId
        + "\",\"entityType\":\"ENTERPRISE\",\"verified\":true,\"paymentAccountBound\":true,\"paymentAccountKycVerified\":true,\"storeLevel\":4,"
        + "\"positiveRating90dBp\":9800,\"disputeRate30dBp\":20,\"affiliateMember\":true,\"violations\":[],\"occurredAt\":\"" + now + "\"}");
    producer.flush();
    List<String> codes = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (codes.size() < 51 && System.nanoTime() < deadline) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/v1/codes")).header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"https://www.marketplace.example/item/"
              + codes.size() + "\",\"utm_source\":\"bench\",\"utm_medium\":\"social\",\"utm_campaign\":\"c" + (codes.size() % 5)
              + "\",\"utm_content\":\"" + UUID.randomUUID() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 201) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(r.body());
        m.find();
        codes.add(m.group(1));
      } else {
        Thread.sleep(200); // the seller's profile is on its way
      }
    }
    if (codes.size() < 51) {
      throw new IllegalStateException("could not create the benchmark's codes (is the service consuming platform.sellers?)");
    }
    String probeCode = codes.remove(50); // probe clicks only: its report's click count says which probes are visible
    System.err.printf("seller %s with %d codes and a probe code%n", sellerId, codes.size());

    System.err.printf("warm-up: %d events/s for 20 s%n", rate);
    load(rate, 20, sellerId, codes, null, token, api, probeCode);
    System.err.printf("measured: %d events/s for %d s, probe clicks twice a second%n", rate, seconds);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    load(rate, seconds, sellerId, codes, latencies, token, api, probeCode);
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);

    System.err.printf("backlog: %d events as fast as possible%n", backlog);
    Map<TopicPartition, Long> before = ends(bootstrap);
    long started = System.nanoTime();
    Instant t = Instant.now();
    for (int i = 0; i < backlog; i++) {
      event(i, sellerId, codes, t);
    }
    producer.flush();
    double publishSecs = (System.nanoTime() - started) / 1e9;
    Map<TopicPartition, Long> after = ends(bootstrap);
    long published = after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    while (lag(bootstrap, after) > 0) {
      Thread.sleep(200);
      if (System.nanoTime() - started > Duration.ofMinutes(10).toNanos()) {
        throw new IllegalStateException("the service did not catch up within 10 minutes");
      }
    }
    double secs = (System.nanoTime() - started) / 1e9;
    producer.close();

    System.out.printf("probe clicks visible: %d of %d; click-to-report latency p50 %d ms, p99 %d ms, max %d ms (at %d events/s)%n",
        sorted.size(), 2 * seconds, pct(sorted, 50), pct(sorted, 99), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1), rate);
    System.out.printf("backlog of %d events (published in %.1f s) consumed in %.1f s: %.0f events/s sustained%n", published, publishSecs, secs,
        published / secs);
  }

  /**
   * Events at {@code rate} for {@code seconds}; with {@code latencies}, a probe click on the probe code twice a second, and one
   * poller reading that code's report every 20 ms: the n-th probe is visible once the report counts n clicks.
   */
  static void load(int rate, int seconds, String sellerId, List<String> codes, List<Long> latencies, String token, String api,
      String probeCode) throws Exception {
    long start = System.nanoTime();
    long total = (long) rate * seconds;
    int perProbe = Math.max(1, rate / 2);
    List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
    int baseline = latencies == null ? 0 : reportClicks(api, token, probeCode);
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Thread poller = new Thread(() -> {
      int seen = 0;
      long giveUp = Long.MAX_VALUE;
      while (latencies != null && (!done.get() || seen < sentAt.size()) && System.nanoTime() < giveUp) {
        try {
          int visible = reportClicks(api, token, probeCode) - baseline;
          long now = System.nanoTime();
          while (seen < Math.min(visible, sentAt.size())) {
            latencies.add((now - sentAt.get(seen)) / 1_000_000);
            seen++;
          }
          if (done.get() && giveUp == Long.MAX_VALUE) {
            giveUp = now + Duration.ofSeconds(60).toNanos();
          }
          Thread.sleep(20);
        } catch (Exception e) {
          return;
        }
      }
    }, "probe-poller");
    poller.start();
    for (long i = 0; i < total; i++) {
      long due = start + i * 1_000_000_000L / rate;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      event(i, sellerId, codes, Instant.now());
      if (latencies != null && i % perProbe == 0) {
        sentAt.add(System.nanoTime());
        click(UUID.randomUUID().toString(), probeCode, sellerId, "probe-" + UUID.randomUUID(), Instant.now());
        producer.flush();
      }
    }
    producer.flush();
    done.set(true);
    poller.join();
  }

  /** The probe code's click count in today's report (0 before the first). */
  static int reportClicks(String api, String token, String code) throws Exception {
    String body = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/v1/reports/traffic?code=" + code)).header("Authorization", "Bearer " + token)
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    int total = 0;
    Matcher m = Pattern.compile("\"clicks\":(\\d+)").matcher(body);
    while (m.find()) {
      total += Integer.parseInt(m.group(1));
    }
    return total;
  }

  /** Four clicks to one paid order: the order is from a device that clicked a moment ago, so it is attributed. */
  static void event(long i, String sellerId, List<String> codes, Instant at) {
    String code = codes.get((int) (i % codes.size()));
    String device = "bench-" + (i / 5);
    if (i % 5 == 4) {
      String orderId = "bench-" + UUID.randomUUID();
      send("platform.orders", orderId, "platform.order-paid", UUID.randomUUID().toString(), at, "{\"order\":{\"orderId\":\"" + orderId
          + "\",\"buyerId\":\"b-" + i + "\",\"sellerId\":\"" + sellerId + "\",\"country\":\"ES\",\"currency\":\"EUR\",\"amountMinor\":5998,"
          + "\"lines\":[{\"sku\":\"SKU-1\",\"spuId\":\"spu-1\",\"categoryId\":\"cat-fashion\",\"quantity\":2,\"unitPriceMinor\":2999}],"
          + "\"logisticsService\":\"AliExpress Standard\",\"couponClaimIds\":[],\"deviceId\":\"" + device + "\"},\"occurredAt\":\""
          + at.plusSeconds(10) + "\"}");
    } else {
      click(UUID.randomUUID().toString(), code, sellerId, device, at);
    }
  }

  static void click(String id, String code, String sellerId, String device, Instant at) {
    send("attribution.events", code, "attribution.click-attributed", id, at, "{\"clickId\":\"" + id + "\",\"codeId\":\"" + code
        + "\",\"sellerId\":\"" + sellerId + "\",\"deviceId\":\"" + device + "\",\"ipHash\":\"" + Integer.toHexString(device.hashCode())
        + "\",\"userAgent\":\"" + BROWSER + "\",\"occurredAt\":\"" + at + "\"}");
  }

  static void send(String topic, String key, String type, String id, Instant at, String json) {
    RecordHeaders h = new RecordHeaders();
    h.add("ce_specversion", b("1.0"));
    h.add("ce_id", b(id));
    h.add("ce_type", b(type));
    h.add("ce_source", b("urn:sellergrowth:bench"));
    h.add("ce_time", b(at.toString()));
    h.add("ce_eventversion", b("1"));
    producer.send(new ProducerRecord<>(topic, null, key, json, h));
  }

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Map<TopicPartition, Long> ends(String bootstrap) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Map<TopicPartition, OffsetSpec> specs = new java.util.HashMap<>();
      for (String topic : List.of("attribution.events", "platform.orders")) {
        for (var info : admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
          specs.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
        }
      }
      Map<TopicPartition, Long> out = new java.util.HashMap<>();
      admin.listOffsets(specs).all().get().forEach((tp, r) -> out.put(tp, r.offset()));
      return out;
    }
  }

  /** Records of {@code targets} the service's group has not committed yet. */
  static long lag(String bootstrap, Map<TopicPartition, Long> targets) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("attribution-service").partitionsToOffsetAndMetadata().get();
      long lag = 0;
      for (var e : targets.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        lag += Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
      }
      return lag;
    }
  }

  static long pct(List<Long> sorted, int p) {
    return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
