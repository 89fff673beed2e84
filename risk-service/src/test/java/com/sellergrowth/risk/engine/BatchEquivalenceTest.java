package com.sellergrowth.risk.engine;

import static com.sellergrowth.risk.testsupport.Fixtures.awaitConsumer;
import static com.sellergrowth.risk.testsupport.Fixtures.nextBase;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.events.EventCatalog;
import com.sellergrowth.events.EventType;
import com.sellergrowth.events.attribution.ClickAttributedV1;
import com.sellergrowth.events.coupon.CouponClaimedV1;
import com.sellergrowth.events.coupon.CouponCreatedV2;
import com.sellergrowth.events.coupon.CouponRedeemedV1;
import com.sellergrowth.events.coupon.RedemptionReversedV1;
import com.sellergrowth.events.direct.SupplierKpiMeasuredV1;
import com.sellergrowth.events.gift.GiftDispatchFailedV1;
import com.sellergrowth.events.gift.GiftShippedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.support.inbox.EventEnvelope;
import com.sellergrowth.testsupport.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine applies a batch set-based and evaluates its events in batch order (RSK-8): the decisions, their evidence and the
 * state must be exactly those of applying the same events one at a time, wherever the batch boundaries fall. One seeded
 * random sequence of claims (RSK-1), short-link and attributed clicks (RSK-5: bursts, duplicates, bots) and gift outcomes
 * (RSK-4), with out-of-order and too-late event times, is applied twice under two id prefixes: one event per batch, then in
 * large batches; the two runs' decisions and facts, prefixes removed, must be equal.
 */
@QuarkusTest
class BatchEquivalenceTest {
  private static final String UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";

  @Inject
  RiskEngine engine;

  @BeforeEach
  void consumerReady() {
    awaitConsumer();
  }

  /** The sequence: the same for both runs but for the prefix of every id (events, coupons, addresses, sellers, clicks). */
  private static List<RiskEngine.Incoming> sequence(long seed, String p, int partition, Instant base) {
    Random r = new Random(seed);
    List<RiskEngine.Incoming> out = new ArrayList<>();
    Instant claims = base;
    Instant clicks = base;
    Instant gifts = base;
    for (int i = 0; i < 600; i++) {
      int kind = r.nextInt(10);
      Record payload;
      Instant at;
      if (kind < 4) {
        claims = claims.plusSeconds(r.nextInt(240));
        at = jitter(r, claims);
        payload = new CouponClaimedV1(p + "coupon-" + r.nextInt(2), p + "claim-" + i, p + "seller", p + "buyer-" + i, "US", null,
            p + "ip-" + r.nextInt(2), null, at);
      } else if (kind < 8) {
        clicks = clicks.plusMillis(r.nextInt(4000));
        at = jitter(r, clicks);
        String clickId = p + "click-" + i;
        String ipHash = p + "iph-" + r.nextInt(2);
        if (kind < 6) {
          payload = new LinkClickedV1(clickId, p + "link-" + r.nextInt(2), p + "seller", ipHash, "v" + i, "PHONE", null,
              r.nextInt(20) == 0 ? "BOT" : "HUMAN", null, null, "TARGET", null, at);
        } else {
          payload = new ClickAttributedV1(clickId, p + "code-" + r.nextInt(2), p + "seller", p + "device-" + r.nextInt(3), ipHash,
              r.nextInt(15) == 0 ? "python-requests/2.31" : UA, at);
        }
      } else {
        gifts = gifts.plusSeconds(r.nextInt(600));
        at = jitter(r, gifts);
        String seller = p + "gift-seller-" + r.nextInt(2);
        payload = r.nextInt(10) < 6 ? new GiftDispatchFailedV1(p + "dispatch-" + i, seller, "ERR-" + r.nextInt(3), at)
            : new GiftShippedV1(p + "dispatch-" + i, seller, "SG" + i, at);
      }
      EventType<?> type = EventCatalog.of(payload.getClass());
      out.add(new RiskEngine.Incoming(type.topic(), partition, i, new EventEnvelope<>(p + "event-" + i, type.type(), type.version(), at,
          null, payload)));
    }
    return out;
  }

  /** Mostly in order; sometimes minutes late (within the 10-minute grace), now and then too late. */
  private static Instant jitter(Random r, Instant t) {
    int roll = r.nextInt(20);
    return roll == 0 ? t.minus(Duration.ofMinutes(15)) : roll < 4 ? t.minusSeconds(r.nextInt(420)) : t;
  }

  private static String decisions(String p) {
    return Db.string("SELECT string_agg(d, E'\\n' ORDER BY d) FROM (SELECT replace(concat_ws('|', rule, action, reason, status, subject_id, "
        + "evidence::text, window_from, window_to, decided_at), ?, '~') AS d FROM decision WHERE subject_id LIKE ?) x", p, p + "%");
  }

  private static long decisions(String p, String rule) {
    return Db.count("SELECT count(*) FROM decision WHERE subject_id LIKE ? AND rule = ?", p + "%", rule);
  }

  private static String facts(String p) {
    return Db.string("SELECT concat_ws(E'\\n', "
        + "(SELECT string_agg(replace(click_id || '=' || coalesce(invalid_reason, '-'), ?, '~'), ',' ORDER BY replace(click_id, ?, '~')) "
        + "FROM click_fact WHERE click_id LIKE ?), "
        + "(SELECT string_agg(replace(coupon_id || '=' || claims, ?, '~'), ',' ORDER BY coupon_id) FROM coupon_fact WHERE coupon_id LIKE ?), "
        + "(SELECT count(*) FROM claim_fact WHERE event_id LIKE ?), (SELECT count(*) FROM gift_outcome WHERE event_id LIKE ?))",
        p, p, p + "%", p, p + "%", p + "%", p + "%");
  }

  private void apply(List<RiskEngine.Incoming> events, Function<Integer, Integer> nextBatchSize) {
    for (int i = 0; i < events.size();) {
      int n = Math.min(nextBatchSize.apply(i), events.size() - i);
      engine.apply(events.subList(i, i + n)).await().atMost(Duration.ofSeconds(30));
      i += n;
    }
  }

  @Test
  void aBatchDecidesExactlyAsItsEventsOneByOne_RSK1_RSK4_RSK5_RSK8() {
    long seed = 20261125L;
    Instant base = nextBase();
    String single = "eq1-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    String batched = "eq2-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    // partitions of their own: each run has its own stream time
    apply(sequence(seed, single, 901, base), i -> 1);
    Random sizes = new Random(seed);
    apply(sequence(seed, batched, 902, base), i -> 20 + sizes.nextInt(280));

    // the sequence is rich enough to mean something: every rule decided, some clicks for each reason
    assertThat(decisions(single, "RSK-1")).as("claim bursts").isPositive();
    assertThat(decisions(single, "RSK-4")).as("gift failure runs").isPositive();
    assertThat(Db.count("SELECT count(DISTINCT reason) FROM decision WHERE subject_id LIKE ? AND rule = 'RSK-5'", single + "%"))
        .as("IP_BURST, DUPLICATE and BOT_USER_AGENT").isEqualTo(3);
    assertThat(decisions(batched)).isEqualTo(decisions(single));
    assertThat(facts(batched)).isEqualTo(facts(single));
  }

  /**
   * Issue 15: the same equivalence for every kind the engine reads, over several partitions per topic (each event on the
   * partition its contract key hashes to), with redeliveries of events already applied: coupon creations with their pools,
   * claims, redemptions and their reversals, stock syncs (RSK-3, late and timely), clicks, gift outcomes and supplier KPIs
   * (RSK-6). The coupons are created first, as they are in the stream: a stock sync evaluates the pools known to it.
   */
  private static List<RiskEngine.Incoming> everyKind(long seed, String p, int firstPartition, Instant base) {
    Random r = new Random(seed);
    List<RiskEngine.Incoming> out = new ArrayList<>();
    java.util.Map<Integer, Long> offsets = new java.util.HashMap<>();
    for (int c = 0; c < 3; c++) {
      add(out, offsets, p, firstPartition, "coupon-" + c, "created-" + c, new CouponCreatedV2(p + "coupon-" + c, p + "seller", "THRESHOLD",
          500, 2000, "USD", 1000, 500_000, base, base.plus(Duration.ofDays(30)), List.of("US"), List.of(), List.of(p + "spu-" + c),
          List.of(), List.of(), base), base);
    }
    Instant claims = base;
    Instant clicks = base;
    Instant gifts = base;
    Instant stock = base;
    Instant kpis = base;
    java.time.LocalDate day = java.time.LocalDate.of(2026, 1, 1);
    List<String[]> redeemed = new ArrayList<>(); // coupon, claim index
    for (int i = 0; i < 700; i++) {
      int kind = r.nextInt(20);
      if (kind < 5) {
        claims = claims.plusSeconds(r.nextInt(240));
        Instant at = jitter(r, claims);
        String coupon = "coupon-" + r.nextInt(3);
        add(out, offsets, p, firstPartition, coupon, "e" + i, new CouponClaimedV1(p + coupon, p + "claim-" + i, p + "seller",
            p + "buyer-" + i, "US", null, p + "ip-" + r.nextInt(2), null, at), at);
      } else if (kind < 7) {
        claims = claims.plusSeconds(r.nextInt(60));
        Instant at = jitter(r, claims);
        if (!redeemed.isEmpty() && r.nextBoolean()) {
          String[] c = redeemed.remove(r.nextInt(redeemed.size()));
          add(out, offsets, p, firstPartition, c[0], "e" + i, new RedemptionReversedV1(p + c[0], p + "claim-" + c[1], p + "seller",
              p + "order-" + c[1], "REFUNDED", "UNUSED", at), at);
        } else {
          String coupon = "coupon-" + r.nextInt(3);
          redeemed.add(new String[] {coupon, Integer.toString(i)});
          add(out, offsets, p, firstPartition, coupon, "e" + i, new CouponRedeemedV1(p + coupon, p + "claim-" + i, p + "seller",
              p + "buyer-" + i, p + "order-" + i, 3000, 500, "USD", at), at);
        }
      } else if (kind < 11) {
        clicks = clicks.plusMillis(r.nextInt(4000));
        Instant at = jitter(r, clicks);
        String ipHash = p + "iph-" + r.nextInt(2);
        if (kind < 9) {
          String link = "link-" + r.nextInt(3);
          add(out, offsets, p, firstPartition, link, "e" + i, new LinkClickedV1(p + "click-" + i, p + link, p + "seller", ipHash, "v" + i,
              "PHONE", null, r.nextInt(20) == 0 ? "BOT" : "HUMAN", null, null, "TARGET", null, at), at);
        } else {
          String code = "code-" + r.nextInt(2);
          add(out, offsets, p, firstPartition, code, "e" + i, new ClickAttributedV1(p + "click-" + i, p + code, p + "seller",
              p + "device-" + r.nextInt(3), ipHash, r.nextInt(15) == 0 ? "python-requests/2.31" : UA, at), at);
        }
      } else if (kind < 13) {
        gifts = gifts.plusSeconds(r.nextInt(600));
        Instant at = jitter(r, gifts);
        String seller = "gift-seller-" + r.nextInt(2);
        add(out, offsets, p, firstPartition, seller, "e" + i, r.nextInt(10) < 6
            ? new GiftDispatchFailedV1(p + "dispatch-" + i, p + seller, "ERR-" + r.nextInt(3), at)
            : new GiftShippedV1(p + "dispatch-" + i, p + seller, "SG" + i, at), at);
      } else if (kind < 17) {
        stock = stock.plusSeconds(r.nextInt(300));
        Instant arrival = jitter(r, stock);
        int sku = r.nextInt(6);
        add(out, offsets, p, firstPartition, "sku-" + sku, "e" + i, new StockSyncedV1(p + "sku-" + sku, p + "seller", p + "spu-" + (sku % 3),
            p + "cat-" + (sku % 2), null, r.nextInt(50), true, null, null, "PLATFORM", arrival.minusSeconds(r.nextInt(400))), arrival);
      } else if (kind < 19) {
        kpis = kpis.plus(Duration.ofHours(12));
        day = r.nextInt(4) == 0 ? day : day.plusDays(1); // now and then a day measured again
        String supplier = "sup-" + r.nextInt(2);
        add(out, offsets, p, firstPartition, supplier, "e" + i, new SupplierKpiMeasuredV1(p + supplier, day.toString(),
            r.nextInt(10) < 8 ? 9700 + r.nextInt(100) : 9800 + r.nextInt(200), 9400 + r.nextInt(200), 55 + r.nextInt(10), kpis), kpis);
      } else if (!out.isEmpty()) {
        RiskEngine.Incoming again = out.get(r.nextInt(out.size())); // a redelivery: the same event id, a later offset
        long offset = offsets.merge(again.partition(), 1L, Long::sum);
        out.add(new RiskEngine.Incoming(again.topic(), again.partition(), offset, again.event()));
      }
    }
    return out;
  }

  /** Adds an event on the partition its unprefixed key hashes to (three per topic from {@code first}), at the next offset. */
  private static void add(List<RiskEngine.Incoming> out, java.util.Map<Integer, Long> offsets, String p, int first, String key, String id,
      Record payload, Instant at) {
    EventType<?> type = EventCatalog.of(payload.getClass());
    int partition = first + Math.floorMod(key.hashCode(), 3);
    long offset = offsets.merge(partition, 1L, Long::sum);
    out.add(new RiskEngine.Incoming(type.topic(), partition, offset, new EventEnvelope<>(p + id, type.type(), type.version(), at, null,
        payload)));
  }

  private static String everyKindFacts(String p) {
    return facts(p) + "\n" + Db.string("SELECT concat_ws(E'\\n', "
        + "(SELECT string_agg(replace(coupon_id || '=' || claims || '/' || redemptions || '/' || array_to_string(pool_spus, ' '), ?, '~'), ','"
        + " ORDER BY coupon_id) FROM coupon_fact WHERE coupon_id LIKE ?), "
        + "(SELECT string_agg(replace(sku || '=' || delay_ms || '@' || event_id, ?, '~'), ',' ORDER BY sku) FROM sku_fact WHERE sku LIKE ?), "
        + "(SELECT string_agg(replace(supplier_id || '=' || day || ':' || fulfilment_rate_bp || '/' || qc_first_pass_bp || '/' || turnover_days,"
        + " ?, '~'), ',' ORDER BY supplier_id, day) FROM kpi_fact WHERE supplier_id LIKE ?))", p, p + "%", p, p + "%", p, p + "%");
  }

  @Test
  void batchesOfEveryKindOverSeveralPartitionsDecideAsOneByOne_RSK1_RSK3_RSK4_RSK5_RSK6_RSK8() {
    long seed = 20261207L;
    Instant base = nextBase();
    String single = "eqa-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    String batched = "eqb-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    apply(everyKind(seed, single, 910, base), i -> 1);
    Random sizes = new Random(seed);
    apply(everyKind(seed, batched, 920, base), i -> 5 + sizes.nextInt(150));

    assertThat(decisions(single, "RSK-1")).as("claim bursts").isPositive();
    assertThat(decisions(single, "RSK-3")).as("late stock").isPositive();
    assertThat(decisions(single, "RSK-4")).as("gift failure runs").isPositive();
    assertThat(decisions(single, "RSK-5")).as("clicks").isPositive();
    assertThat(decisions(single, "RSK-6")).as("KPIs").isPositive();
    assertThat(decisions(batched)).isEqualTo(decisions(single));
    assertThat(everyKindFacts(batched)).isEqualTo(everyKindFacts(single));
  }

  /** A full poll (max.poll.records and more) whose events mostly decide nothing: applied in one go, each counted once. */
  @Test
  void aBatchOfThousandsOfEventsAppliesInOneTransaction() {
    String p = "big-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    List<RiskEngine.Incoming> events = sequence(7L, p, 903, nextBase()).stream().limit(600).collect(java.util.stream.Collectors.toList());
    for (int i = 0; i < 5; i++) {
      events.addAll(sequence(100L + i, p + i + "-", 903, events.get(events.size() - 1).event().time()));
    }
    RiskEngine.Outcome outcome = engine.apply(events).await().atMost(Duration.ofSeconds(60));
    assertThat(outcome.applied() + outcome.tooLate()).isEqualTo(events.size());
    assertThat(Db.count("SELECT count(*) FROM processed_event WHERE event_id LIKE ?", p + "%")).isEqualTo(events.size());
  }
}
