package com.sellergrowth.risk.engine;

import com.sellergrowth.events.Topics;
import com.sellergrowth.events.direct.SupplierKpiMeasuredV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.risk.domain.RuleBook;
import com.sellergrowth.support.inbox.EventEnvelope;
import com.sellergrowth.support.inbox.Failures;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Applies a batch of consumed events to the rules in one PostgreSQL transaction (RSK-1..RSK-8):
 * <ol>
 *   <li>the rules' settings are read (operators' changes apply from the next batch, on every instance);</li>
 *   <li>the batch's event ids go into the inbox in one statement; only the ones not seen before go on, so a redelivery, a
 *       rebalance handing the same records to a second instance (its insert waits for the first one's commit, then finds
 *       them) or a replay from offset 0 changes nothing;</li>
 *   <li>stream time (the latest event time per partition) moves on; an event older than its partition's stream time by
 *       more than the grace is too late to change any decision and is only counted;</li>
 *   <li>each rule family writes the batch's facts in one statement and reads what its rules need around them in one more
 *       (all families pipelined in one round trip), then evaluates the events in batch order, each seeing what it would
 *       have seen applied alone ({@link BatchOrder}); stock syncs and KPIs follow one by one; decisions and their events
 *       (outbox) commit with the state, or nothing does.</li>
 * </ol>
 */
@ApplicationScoped
public class RiskEngine {
  /** The inbox name of this consumer. */
  public static final String CONSUMER = "risk-service";
  private static final String INBOX = "INSERT INTO processed_event(consumer, event_id) SELECT $1, unnest($2::text[]) "
      + "ON CONFLICT DO NOTHING RETURNING event_id";
  private static final String STREAM_TIMES = "SELECT topic, part, event_time FROM stream_time WHERE topic = ANY($1)";
  private static final String ADVANCE = "INSERT INTO stream_time(topic, part, event_time) SELECT * FROM unnest($1::text[], $2::int[], "
      + "$3::timestamptz[]) ON CONFLICT (topic, part) DO UPDATE SET event_time = GREATEST(stream_time.event_time, EXCLUDED.event_time)";
  private static final String COUPON_STREAM_TIME = "SELECT max(event_time) AS t FROM stream_time WHERE topic = $1";

  /** One consumed record, decoded. */
  public record Incoming(String topic, int partition, long offset, EventEnvelope<? extends Record> event) {
  }

  /** A timely event as the rules see it: its event time at PostgreSQL's precision, so a stored fact compares equal. */
  record Event(String id, Instant at, Record payload) {
    static Event of(Incoming in) {
      return new Event(in.event().id(), in.event().time().truncatedTo(ChronoUnit.MICROS), in.event().payload());
    }
  }

  /** What a batch did: events applied, duplicates skipped, too late to count. */
  public record Outcome(int applied, int duplicates, int tooLate) {
    static Outcome empty() {
      return new Outcome(0, 0, 0);
    }

    static Outcome sum(List<Outcome> outcomes) {
      return new Outcome(outcomes.stream().mapToInt(Outcome::applied).sum(), outcomes.stream().mapToInt(Outcome::duplicates).sum(),
          outcomes.stream().mapToInt(Outcome::tooLate).sum());
    }
  }

  private final Pool pool;
  private final RuleBookStore rules;
  private final CouponRules coupons;
  private final GiftRules gifts;
  private final ClickRules clicks;
  private final KpiRules kpis;
  private final MeterRegistry registry;
  private final Map<String, io.micrometer.core.instrument.Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

  public RiskEngine(Pool pool, RuleBookStore rules, CouponRules coupons, GiftRules gifts, ClickRules clicks, KpiRules kpis,
      MeterRegistry registry) {
    this.pool = pool;
    this.rules = rules;
    this.coupons = coupons;
    this.gifts = gifts;
    this.clicks = clicks;
    this.kpis = kpis;
    this.registry = registry;
  }

  /** Records events refused for good (dead-lettered before the engine saw them) as processed: a replay refuses them again. */
  public Uni<Void> markProcessed(List<String> eventIds) {
    return pool.preparedQuery(INBOX).execute(Tuple.of(CONSUMER, eventIds.toArray(String[]::new))).replaceWithVoid();
  }

  /**
   * Applies the batch; when it fails on something an event carries (PostgreSQL refuses a value: a NUL character, a key too
   * long for an index), not on an outage, applies its events one at a time, hands each one that fails alone to
   * {@code reject} (the dead-letter topic) and marks it processed: one bad record never stalls the partitions behind it,
   * and the rest of its batch counts. Any other failure is the caller's to retry.
   */
  public Uni<Outcome> applyIsolating(List<Incoming> batch, BiFunction<Incoming, Throwable, Uni<Void>> reject) {
    return apply(batch).onFailure(Failures::isDataError).recoverWithUni(f -> Multi.createFrom().iterable(batch).onItem()
        .transformToUniAndConcatenate(in -> apply(List.of(in)).onFailure(Failures::isDataError)
            .recoverWithUni(error -> reject.apply(in, error)
                .chain(() -> pool.preparedQuery(INBOX).execute(Tuple.of(CONSUMER, new String[] {in.event().id()})))
                .invoke(() -> count(in, "dead-lettered")).replaceWith(Outcome::empty)))
        .collect().asList().map(Outcome::sum));
  }

  public Uni<Outcome> apply(List<Incoming> batch) {
    if (batch.isEmpty()) {
      return Uni.createFrom().item(Outcome.empty());
    }
    String[] ids = batch.stream().map(i -> i.event().id()).distinct().toArray(String[]::new);
    String[] topics = batch.stream().map(Incoming::topic).distinct().toArray(String[]::new);
    // settings, inbox and stream times in one round trip; what each event came to is counted once the transaction
    // committed (a fresh tally per try: a retried batch counts once)
    return Uni.createFrom().deferred(() -> {
      List<Map.Entry<Incoming, String>> tally = new ArrayList<>();
      return pool.withTransaction(conn -> Uni.combine().all().unis(rules.load(conn),
          conn.preparedQuery(INBOX).execute(Tuple.of(CONSUMER, ids)), conn.preparedQuery(STREAM_TIMES).execute(Tuple.of((Object) topics)))
          .asTuple().chain(results -> {
            Set<String> fresh = new HashSet<>();
            results.getItem2().forEach(r -> fresh.add(r.getString("event_id")));
            Map<String, Instant> streamTime = new HashMap<>();
            for (Row r : results.getItem3()) {
              streamTime.put(r.getString("topic") + "/" + r.getInteger("part"), r.getOffsetDateTime("event_time").toInstant());
            }
            return run(conn, results.getItem1(), batch, fresh, streamTime, tally);
          })).invoke(() -> tally.forEach(e -> count(e.getKey(), e.getValue())));
    });
  }

  private Uni<Outcome> run(SqlClient sql, RuleBook book, List<Incoming> batch, Set<String> fresh, Map<String, Instant> streamTime,
      List<Map.Entry<Incoming, String>> tally) {
    List<Incoming> timely = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    int tooLate = 0;
    boolean couponEvents = false;
    Map<String, Instant> advanced = new HashMap<>();
    for (Incoming in : batch) {
      if (!fresh.contains(in.event().id()) || !seen.add(in.event().id())) {
        duplicates++;
        tally.add(Map.entry(in, "duplicate"));
        continue;
      }
      String part = in.topic() + "/" + in.partition();
      Instant at = in.event().time();
      Instant current = streamTime.get(part);
      if (current != null && at.isBefore(current.minus(book.grace()))) {
        tooLate++;
        tally.add(Map.entry(in, "too-late"));
        continue;
      }
      if (current == null || at.isAfter(current)) {
        streamTime.put(part, at);
        advanced.put(part, at);
      }
      timely.add(in);
      couponEvents |= Topics.COUPON_EVENTS.equals(in.topic());
    }
    List<Event> events = timely.stream().map(Event::of).toList();
    // the families write their facts and read around them set-based, pipelined on the batch's connection; stock syncs and
    // KPIs (a small share of the traffic, with state per SKU and per supplier day) go one by one after them
    Uni<Void> chain = Uni.join().all(advance(sql, advanced), coupons.apply(sql, book, events), clicks.apply(sql, book, events),
        gifts.apply(sql, book, events)).andFailFast().replaceWithVoid()
        .chain(() -> InOrder.each(events, e -> e.payload() instanceof StockSyncedV1 s ? coupons.stockSynced(sql, book, e.id(), s, e.at())
            : e.payload() instanceof SupplierKpiMeasuredV1 k ? kpis.measured(sql, book, e.id(), k, e.at()) : Uni.createFrom().voidItem()));
    if (couponEvents) {
      chain = chain.chain(() -> sql.preparedQuery(COUPON_STREAM_TIME).execute(Tuple.of(Topics.COUPON_EVENTS)))
          .chain(rows -> coupons.lowRedemptionSweep(sql, book, rows.iterator().next().getOffsetDateTime("t").toInstant()));
    }
    int dup = duplicates;
    int late = tooLate;
    return chain.invoke(() -> timely.forEach(in -> tally.add(Map.entry(in, "applied"))))
        .replaceWith(() -> new Outcome(timely.size(), dup, late));
  }

  private static Uni<Void> advance(SqlClient sql, Map<String, Instant> advanced) {
    if (advanced.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<String> topics = new ArrayList<>();
    List<Integer> parts = new ArrayList<>();
    List<java.time.OffsetDateTime> times = new ArrayList<>();
    advanced.forEach((key, at) -> {
      int slash = key.lastIndexOf('/');
      topics.add(key.substring(0, slash));
      parts.add(Integer.parseInt(key.substring(slash + 1)));
      times.add(Sql.ts(at));
    });
    return sql.preparedQuery(ADVANCE).execute(Tuple.of(topics.toArray(String[]::new), parts.toArray(Integer[]::new),
        times.toArray(java.time.OffsetDateTime[]::new))).replaceWithVoid();
  }

  /** Per event on the hot path: the counter is looked up once per type and outcome, not built from tags every time. */
  private void count(Incoming in, String outcome) {
    counters.computeIfAbsent(in.event().type() + "|" + outcome,
        k -> registry.counter("events.consumed", "consumer", CONSUMER, "event_type", in.event().type(), "outcome", outcome)).increment();
  }
}
