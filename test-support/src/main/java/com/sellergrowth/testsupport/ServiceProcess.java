package com.sellergrowth.testsupport;

import com.sellergrowth.events.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Another service of the platform, run for end-to-end tests from its packaged application ({@code target/quarkus-app}, built
 * earlier in the same reactor) against the same broker as the service under test: its own {@code <db>_e2e} database (cleaned
 * at start), a fresh consumer group whose offsets are set to the current end of every topic it reads before it starts (it
 * sees exactly what the test publishes, nothing of the broker's history, and no "latest" race), a free port.
 */
public final class ServiceProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final String database;
  private final Path log;

  private ServiceProcess(Process process, int port, String database, Path log) {
    this.process = process;
    this.port = port;
    this.database = database;
    this.log = log;
  }

  /** risk-service as the other services' end-to-end tests run it: its channel over every topic its rules read. */
  public static ServiceProcess riskService() throws Exception {
    return start("risk-service", "risk-in", List.of(Topics.COUPON_EVENTS, Topics.SHORTLINK_EVENTS, Topics.GIFT_EVENTS,
        Topics.ATTRIBUTION_EVENTS, Topics.DIRECT_EVENTS, Topics.PLATFORM_STOCK), Map.of());
  }

  /**
   * Starts {@code module} (e.g. risk-service) with {@code channel}'s consumer group starting at the end of {@code topics};
   * {@code env} adds or overrides configuration. Returns once it is ready.
   */
  public static ServiceProcess start(String module, String channel, List<String> topics, Map<String, String> env) throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build it first (./mvnw -pl " + module + " -am package -DskipTests)");
    }
    String group = module + "-e2e-" + UUID.randomUUID();
    startAtTheEnd(group, topics);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String database = module.replace("-service", "") + "_e2e";
    Map<String, String> all = new HashMap<>();
    all.put("HTTP_PORT", Integer.toString(port));
    all.put("PG_DATABASE", database);
    all.put("KAFKA_BOOTSTRAP_SERVERS", Kafka.BOOTSTRAP);
    all.put("JWT_PUBLIC_KEY_LOCATION", root.resolve("scripts/dev-jwt/dev-only-public.pem").toString());
    all.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
    all.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
    all.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
    all.putAll(env);
    Path log = Path.of("target", module + "-e2e.log").toAbsolutePath();
    // a system property, not an environment variable: the channel name's dash has no unambiguous environment spelling
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx384m",
        "-Dmp.messaging.incoming." + channel + ".group.id=" + group, "-jar", jar.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(all);
    ServiceProcess p = new ServiceProcess(pb.start(), port, database, log);
    p.awaitReady(Duration.ofSeconds(90));
    return p;
  }

  private static void startAtTheEnd(String group, List<String> topics) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", Kafka.BOOTSTRAP);
    try (Admin admin = Admin.create(props)) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> d.partitions().forEach(
          p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, new OffsetAndMetadata(info.offset())));
      admin.alterConsumerGroupOffsets(group, end).all().get();
    }
  }

  private void awaitReady(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service stopped while starting; its log: " + log + "\n" + tail());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200); // polling a starting process, not waiting on a rule's time
    }
    throw new IllegalStateException("not ready within " + timeout + "; its log: " + log + "\n" + tail());
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** A count from the service's own database (to know it has applied something before asserting it decided nothing). */
  public long count(String sql, Object... params) {
    Map<String, String> env = System.getenv();
    String url = "jdbc:postgresql://" + env.getOrDefault("PG_HOST", "127.0.0.1") + ":" + env.getOrDefault("PG_PORT", "5432") + "/" + database;
    try (Connection c = DriverManager.getConnection(url, env.getOrDefault("PG_USER", "sgp"), env.getOrDefault("PG_PASSWORD", "sgp"))) {
      return Db.count(c, sql, params);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: a graceful stop
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
