package com.sellergrowth.shortlink.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sellergrowth.events.Topics;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.shortlink.testsupport.SpareKafkaBroker;
import com.sellergrowth.testsupport.Kafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHL-6: clicks are published off the redirect path; none is lost on a clean stop; a dead broker never blocks a redirect. */
class ClickPublisherTest {
  private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

  private static LinkClickedV1 click(String code) {
    return new LinkClickedV1(UUID.randomUUID().toString(), code, "s", "h", "v", "DESKTOP", null, "HUMAN", null, null, "TARGET", null, AT);
  }

  // SHL-6, issue 15: the producer was built from bootstrap.servers alone, so a cluster with TLS or SASL refused every click
  @Test
  void theProducerTakesTheApplicationsKafkaSecuritySettingsAndKeepsItsOwnGuarantees() {
    java.util.Properties p = ClickPublisher.producerConfig(java.util.Map.of("bootstrap.servers", "broker:9093",
        "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "jaas", "ssl.truststore.location", "/t.jks",
        "acks", "0", "group.id", "a-consumer-setting"), "shortlink-service", java.time.Duration.ofSeconds(30));
    assertThat(p.getProperty("bootstrap.servers")).isEqualTo("broker:9093");
    assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(p.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
    assertThat(p.getProperty("sasl.jaas.config")).isEqualTo("jaas");
    assertThat(p.getProperty("ssl.truststore.location")).isEqualTo("/t.jks");
    assertThat(p.getProperty("acks")).as("its own guarantee wins").isEqualTo("all");
    assertThat(p.getProperty("enable.idempotence")).isEqualTo("true");
    assertThat(p).doesNotContainKey("group.id");
  }

  @Test
  void closingPublishesEveryQueuedClick_SHL6() {
    String code = "flush-" + UUID.randomUUID();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Kafka.Reader reader = Kafka.readFromNow(Topics.SHORTLINK_EVENTS)) {
      ClickPublisher publisher = new ClickPublisher(Kafka.BOOTSTRAP, "shortlink-test", 10_000, 500, Duration.ofMinutes(1), registry);
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < 2_000; i++) {
        LinkClickedV1 c = click(code);
        ids.add(c.clickId());
        assertThat(publisher.offer(c)).isTrue();
      }
      publisher.close();
      assertThat(publisher.queued()).isZero();
      assertThat(registry.counter("shortlink.clicks.published").count()).isEqualTo(2_000);
      Set<String> seen = new HashSet<>();
      reader.await(r -> code.equals(r.key()) && seen.add(Kafka.header(r, "ce_id")), 2_000, Duration.ofSeconds(30));
      assertThat(seen).isEqualTo(ids);
    }
  }

  /** SHL-6: Kafka briefly down loses no click: the producer holds and retries them, and delivers once the broker is back. */
  @Test
  void clicksOfferedWhileKafkaIsDownArriveWhenItIsBack_SHL6(@TempDir Path dir) throws Exception {
    try (SpareKafkaBroker broker = new SpareKafkaBroker(dir)) {
      broker.start();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      ClickPublisher publisher = new ClickPublisher(broker.bootstrap(), "shortlink-test", 10_000, 500, Duration.ofMinutes(2), registry);
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < 300; i++) {
        LinkClickedV1 c = click("before");
        ids.add(c.clickId());
        publisher.offer(c);
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> registry.counter("shortlink.clicks.published").count() == 300);
      broker.stop();
      for (int i = 0; i < 300; i++) {
        LinkClickedV1 c = click("during");
        ids.add(c.clickId());
        assertThat(publisher.offer(c)).isTrue();
      }
      broker.start();
      await().atMost(Duration.ofSeconds(90)).until(() -> registry.counter("shortlink.clicks.published").count() == 600);
      publisher.close();
      assertThat(registry.counter("shortlink.clicks.lost").count()).isZero();
      assertThat(idsOn(broker.bootstrap())).isEqualTo(ids);
    }
  }

  private static Set<String> idsOn(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("group.id", "probe-" + UUID.randomUUID());
    p.put("auto.offset.reset", "earliest");
    p.put("key.deserializer", StringDeserializer.class.getName());
    p.put("value.deserializer", StringDeserializer.class.getName());
    Set<String> seen = new HashSet<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(Topics.SHORTLINK_EVENTS));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (seen.size() < 600 && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(Kafka.header(r, "ce_id")));
      }
    }
    return seen;
  }

  @Test
  void aDeadBrokerNeverBlocksTheCallerAndOverflowIsCounted_SHL6() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ClickPublisher publisher = new ClickPublisher("127.0.0.1:1", "shortlink-test", 10, 10, Duration.ofMillis(300), registry);
    int accepted = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      int n = 0;
      for (int i = 0; i < 1_000; i++) {
        if (publisher.offer(click("dead-broker"))) {
          n++;
        }
      }
      return n;
    });
    // bounded memory: the queue (10) plus the one batch (10) the publisher thread holds while the producer waits for the broker
    assertThat(accepted).isBetween(10, 20);
    assertThat(registry.counter("shortlink.clicks.dropped").count()).isEqualTo(1_000 - accepted);
    publisher.close();
    assertThat(registry.counter("shortlink.clicks.lost").count() + registry.counter("shortlink.clicks.published").count())
        .isLessThanOrEqualTo(accepted);
  }
}
