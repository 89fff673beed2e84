package com.sellergrowth.shortlink.redirect;

import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes LinkClicked without slowing the redirect (SHL-6). A redirect only offers the click to a bounded in-memory
 * queue (never blocks); one publisher thread serializes clicks in batches and hands them to a Kafka producer that retries
 * for {@code deliveryTimeout} while the broker is down. When the queue is full the click is dropped, counted
 * ({@code shortlink.clicks.dropped}) and logged at most once a minute. {@link #close()} (on shutdown) publishes everything
 * queued and waits for the broker's acknowledgements.
 *
 * <p>Why not the outbox: a click is not a state change of this service and the redirect must not wait on PostgreSQL
 * (docs/decisions/0005). The trade-off: clicks still in memory are lost if the process is killed, not if it is stopped.
 */
public final class ClickPublisher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ClickPublisher.class);
  private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final ArrayBlockingQueue<LinkClickedV1> queue;
  private final KafkaProducer<String, String> producer;
  private final int batchSize;
  private final byte[] source;
  private final Thread thread;
  private final Counter offered;
  private final Counter dropped;
  private final Counter published;
  private final Counter lost;
  private final AtomicLong lastDropLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
  private volatile boolean closing;

  public ClickPublisher(String bootstrapServers, String sourceName, int capacity, int batchSize, Duration deliveryTimeout,
      MeterRegistry registry) {
    this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), sourceName, capacity, batchSize, deliveryTimeout, registry);
  }

  /**
   * @param kafka the application's Kafka client settings (Quarkus' {@code default-kafka-broker}: every {@code kafka.*}
   *     property), so TLS, SASL and the rest reach this producer as they reach the messaging channels
   */
  public ClickPublisher(Map<String, ?> kafka, String sourceName, int capacity, int batchSize, Duration deliveryTimeout,
      MeterRegistry registry) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.batchSize = batchSize;
    this.source = ("urn:sellergrowth:" + sourceName).getBytes(StandardCharsets.UTF_8);
    Properties p = producerConfig(kafka, sourceName, deliveryTimeout);
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    this.offered = registry.counter("shortlink.clicks.offered");
    this.dropped = registry.counter("shortlink.clicks.dropped");
    this.published = registry.counter("shortlink.clicks.published");
    this.lost = registry.counter("shortlink.clicks.lost");
    registry.gauge("shortlink.clicks.queued", queue, ArrayBlockingQueue::size);
    this.thread = new Thread(this::run, "click-publisher");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues a click for publication; never blocks. False (counted and logged) when the buffer is full or closing. */
  public boolean offer(LinkClickedV1 click) {
    offered.increment();
    if (!closing && queue.offer(click)) {
      return true;
    }
    dropped.increment();
    long last = lastDropLog.get();
    long now = System.nanoTime();
    if (now - last >= LOG_EVERY_NANOS && lastDropLog.compareAndSet(last, now)) {
      LOG.errorf("click buffer full (%d queued) or closing: clicks are being dropped; see metric shortlink.clicks.dropped",
          queue.size());
    }
    return false;
  }

  /** Clicks waiting in memory. */
  public int queued() {
    return queue.size();
  }

  /**
   * The producer's settings: every producer setting of the application's Kafka configuration (bootstrap servers, security
   * protocol, SASL, SSL...; consumer-only keys left out), then this publisher's own delivery guarantees on top (issue 15: the
   * producer was built from bootstrap.servers alone, so a secured cluster would have refused every click).
   */
  static Properties producerConfig(Map<String, ?> kafka, String sourceName, Duration deliveryTimeout) {
    Properties p = new Properties();
    Set<String> producerKeys = ProducerConfig.configNames();
    kafka.forEach((key, value) -> {
      if (value != null && (producerKeys.contains(key) || key.startsWith("sasl.") || key.startsWith("ssl."))) {
        p.put(key, value.toString());
      }
    });
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(deliveryTimeout.toMillis()));
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(10_000, deliveryTimeout.toMillis() - 5)));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(deliveryTimeout.toMillis()));
    p.put(ProducerConfig.CLIENT_ID_CONFIG, sourceName + "-clicks");
    return p;
  }

  private void run() {
    List<LinkClickedV1> batch = new ArrayList<>(batchSize);
    while (!closing || !queue.isEmpty()) {
      try {
        LinkClickedV1 first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        for (LinkClickedV1 click : batch) {
          send(click);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        lost.increment(batch.size());
        LOG.errorf(e, "could not hand %d clicks to the Kafka producer", batch.size());
      } finally {
        batch.clear();
      }
    }
  }

  private void send(LinkClickedV1 c) {
    RecordHeaders h = new RecordHeaders();
    h.add("ce_specversion", bytes("1.0"));
    h.add("ce_id", bytes(c.clickId()));
    h.add("ce_source", source);
    h.add("ce_type", bytes(LinkClickedV1.TYPE.type()));
    h.add("ce_time", bytes(c.occurredAt().toString()));
    h.add("ce_subject", bytes(c.code()));
    h.add("ce_dataschema", bytes(LinkClickedV1.TYPE.dataSchema()));
    h.add("ce_eventversion", bytes(Integer.toString(LinkClickedV1.TYPE.version())));
    h.add("content-type", bytes("application/json"));
    ProducerRecord<String, String> record =
        new ProducerRecord<>(LinkClickedV1.TYPE.topic(), null, c.code(), EventSerde.serializeUnchecked(c), h);
    producer.send(record, (metadata, failure) -> {
      if (failure == null) {
        published.increment();
      } else {
        lost.increment();
        LOG.errorf("click %s of %s lost after the delivery timeout: %s", c.clickId(), c.code(), failure.getMessage());
      }
    });
  }

  /** Publishes every queued click, waits for the broker's acknowledgements (bounded), then closes the producer. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(30)); // sends what it holds and waits for acknowledgements, at most 30 s
    LOG.infof("click publisher closed, %d clicks left unpublished", queue.size());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
