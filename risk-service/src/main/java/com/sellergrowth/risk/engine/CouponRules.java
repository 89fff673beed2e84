package com.sellergrowth.risk.engine;

import com.sellergrowth.events.coupon.CouponClaimedV1;
import com.sellergrowth.events.coupon.CouponCreatedV1;
import com.sellergrowth.events.coupon.CouponCreatedV2;
import com.sellergrowth.events.coupon.CouponRedeemedV1;
import com.sellergrowth.events.coupon.RedemptionReversedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.events.risk.PauseCouponV1;
import com.sellergrowth.events.risk.ResumeCouponV1;
import com.sellergrowth.risk.domain.Bursts;
import com.sellergrowth.risk.domain.Decision.Action;
import com.sellergrowth.risk.domain.Decision.SubjectType;
import com.sellergrowth.risk.domain.Decision;
import com.sellergrowth.risk.domain.DecisionIds;
import com.sellergrowth.risk.domain.DecisionStatus;
import com.sellergrowth.risk.domain.Rule;
import com.sellergrowth.risk.domain.RuleBook;
import com.sellergrowth.risk.domain.RuleVariant;
import com.sellergrowth.risk.domain.TimedFact;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Coupon rules: RSK-1 (claim burst from one address), RSK-2 (low redemption), RSK-3 (late stock of the pool). */
@ApplicationScoped
public class CouponRules {
  private static final String UPSERT_CREATED = "INSERT INTO coupon_fact(coupon_id, seller_id, created_at, pool_spus, pool_categories, "
      + "pool_brands, last_event_at) VALUES ($1, $2, $3, $4, $5, $6, $3) ON CONFLICT (coupon_id) DO UPDATE SET "
      + "created_at = LEAST(coupon_fact.created_at, EXCLUDED.created_at), pool_spus = EXCLUDED.pool_spus, "
      + "pool_categories = EXCLUDED.pool_categories, pool_brands = EXCLUDED.pool_brands";
  private static final String UPSERT_COUNTS = "INSERT INTO coupon_fact(coupon_id, seller_id, created_at, claims, redemptions, "
      + "last_event_at) SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::bigint[], $5::bigint[], $6::timestamptz[]) "
      + "ON CONFLICT (coupon_id) DO UPDATE SET claims = coupon_fact.claims + EXCLUDED.claims, "
      + "redemptions = coupon_fact.redemptions + EXCLUDED.redemptions, last_event_at = GREATEST(coupon_fact.last_event_at, "
      + "EXCLUDED.last_event_at), created_at = LEAST(coupon_fact.created_at, EXCLUDED.created_at)";
  private static final String INSERT_CLAIMS = "INSERT INTO claim_fact(event_id, coupon_id, seller_id, ip, occurred_at) "
      + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) ON CONFLICT DO NOTHING";
  private static final String CLAIMS_AROUND = "SELECT k.coupon_id, k.ip, c.event_id, c.occurred_at "
      + "FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS k(coupon_id, ip, lo, hi) "
      + "JOIN claim_fact c ON c.coupon_id = k.coupon_id AND c.ip = k.ip AND c.occurred_at BETWEEN k.lo AND k.hi "
      + "WHERE c.occurred_at > COALESCE((SELECT until FROM rule_suppression s WHERE s.rule = $5 "
      + "AND s.subject_id = k.coupon_id || E'\\n' || k.ip), "
      + "'-infinity')";
  private static final String LOW_REDEMPTION = "SELECT c.coupon_id, c.seller_id, c.created_at, c.claims, c.redemptions FROM coupon_fact c "
      + "WHERE c.claims >= $1 AND c.created_at <= $2 AND c.redemptions * 10000 < c.claims * $3 "
      + "AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.rule = 'RSK-2' AND d.subject_id = c.coupon_id AND d.status = ANY($4)) "
      + "ORDER BY c.coupon_id LIMIT 500";
  private static final String UPSERT_SKU = "INSERT INTO sku_fact(sku, seller_id, spu_id, category_id, brand_id, observed_at, arrived_at, "
      + "delay_ms, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (sku) DO UPDATE SET seller_id = EXCLUDED.seller_id, "
      + "spu_id = EXCLUDED.spu_id, category_id = EXCLUDED.category_id, brand_id = EXCLUDED.brand_id, observed_at = EXCLUDED.observed_at, "
      + "arrived_at = EXCLUDED.arrived_at, delay_ms = EXCLUDED.delay_ms, event_id = EXCLUDED.event_id "
      + "WHERE sku_fact.observed_at < EXCLUDED.observed_at RETURNING sku";
  private static final String POOLS_WITH_SKU = "SELECT coupon_id, seller_id, pool_spus, pool_categories, pool_brands FROM coupon_fact "
      + "WHERE seller_id = $1 AND (pool_spus @> ARRAY[$2::text] OR pool_categories @> ARRAY[$3::text] "
      + "OR ($4::text IS NOT NULL AND pool_brands @> ARRAY[$4::text])) "
      + "ORDER BY coupon_id";
  private static final String LATE_SKUS_OF_POOL = "SELECT sku, observed_at, arrived_at, delay_ms FROM sku_fact WHERE seller_id = $1 "
      + "AND delay_ms > $2 AND (spu_id = ANY($3) OR category_id = ANY($4) OR brand_id = ANY($5)) ORDER BY sku";
  private static final String OPEN_DECISION = "SELECT id FROM decision WHERE rule = $1 AND action = $2 AND reason = $3 "
      + "AND subject_type = $4 AND subject_id = $5 AND status = $6";
  private static final String RESOLVE = "UPDATE decision SET status = 'RESOLVED', closed_at = $2, closed_by = $3, close_note = $4 "
      + "WHERE id = $1 AND status IN ('ACTIVE', 'SHADOW')";

  private final DecisionWriter decisions;

  public CouponRules(DecisionWriter decisions) {
    this.decisions = decisions;
  }

  /** A claim that RSK-1 evaluates: with an address, at its position among the batch's claims. */
  private record Claim(String eventId, CouponClaimedV1 e, Instant at, int position) {
    String key() {
      return addressKey(e.couponId(), e.ip());
    }
  }

  /** Claims and redemptions of one coupon in a batch, written in one row of one statement. */
  private static final class Counts {
    final String sellerId;
    Instant first;
    Instant last;
    long claims;
    long redemptions;

    Counts(String sellerId, Instant at) {
      this.sellerId = sellerId;
      this.first = at;
      this.last = at;
    }

    void add(Instant at, long claims, long redemptions) {
      first = at.isBefore(first) ? at : first;
      last = at.isAfter(last) ? at : last;
      this.claims += claims;
      this.redemptions += redemptions;
    }
  }

  /**
   * A batch's coupon events, set-based: creations (their pools, RSK-3), claim and redemption counts per coupon (RSK-2) in one
   * statement, the claims with an address in one more, and the claims of the same coupons from the same addresses around
   * them (in event time, both sides: a late claim can complete a burst) in one read; all pipelined (one round trip). Then
   * RSK-1 looks at each claim in batch order for more than max-claims within window.
   */
  Uni<Void> apply(SqlClient sql, RuleBook book, List<RiskEngine.Event> events) {
    List<RuleVariant> variants = book.variants(Rule.RSK_1);
    List<Uni<Void>> statements = new ArrayList<>();
    Map<String, Counts> counts = new TreeMap<>(); // in key order: two transactions never lock the same rows in two orders
    List<Claim> claims = new ArrayList<>();
    BatchOrder order = new BatchOrder();
    for (RiskEngine.Event ev : events) {
      if (ev.payload() instanceof CouponCreatedV2 e) {
        statements.add(created(sql, e.couponId(), e.sellerId(), e.poolSpus(), e.poolCategories(), e.poolBrands(), ev.at()));
      } else if (ev.payload() instanceof CouponCreatedV1 e) {
        statements.add(created(sql, e.couponId(), e.sellerId(), List.of(), List.of(), List.of(), ev.at()));
      } else if (ev.payload() instanceof CouponRedeemedV1 e) {
        counts.computeIfAbsent(e.couponId(), k -> new Counts(e.sellerId(), ev.at())).add(ev.at(), 0, 1);
      } else if (ev.payload() instanceof RedemptionReversedV1 e) {
        counts.computeIfAbsent(e.couponId(), k -> new Counts(e.sellerId(), ev.at())).add(ev.at(), 0, -1);
      } else if (ev.payload() instanceof CouponClaimedV1 e) {
        counts.computeIfAbsent(e.couponId(), k -> new Counts(e.sellerId(), ev.at())).add(ev.at(), 1, 0);
        if (e.ip() != null && !e.ip().isBlank() && !variants.isEmpty()) {
          order.add(ev.id(), claims.size());
          claims.add(new Claim(ev.id(), e, ev.at(), claims.size()));
        }
      }
    }
    if (!counts.isEmpty()) {
      statements.add(counts(sql, counts));
    }
    if (claims.isEmpty()) {
      return statements.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(statements).andFailFast().replaceWithVoid();
    }
    statements.add(insertClaims(sql, claims));
    Duration widest = RuleVariant.widest(variants, "window");
    Uni<Map<String, List<TimedFact>>> around = claimsAround(sql, claims, widest);
    // subscribed together: the writes go out first, the read after them on the same connection (it sees them), one round trip
    return Uni.combine().all().unis(Uni.join().all(statements).andFailFast(), around).asTuple().map(r -> r.getItem2())
        .chain(byKey -> InOrder.each(claims, c -> burst(sql, variants, c,
            order.visible(byKey.get(c.key()), TimedFact::id, TimedFact::at, c.at(), widest, c.position()))));
  }

  private Uni<Void> created(SqlClient sql, String couponId, String sellerId, List<String> spus, List<String> categories, List<String> brands,
      Instant at) {
    return sql.preparedQuery(UPSERT_CREATED).execute(Tuple.of(couponId, sellerId, Sql.ts(at), spus.toArray(String[]::new),
        categories.toArray(String[]::new), brands.toArray(String[]::new))).replaceWithVoid();
  }

  private static Uni<Void> counts(SqlClient sql, Map<String, Counts> counts) {
    int n = counts.size();
    String[] coupons = new String[n];
    String[] sellers = new String[n];
    OffsetDateTime[] first = new OffsetDateTime[n];
    OffsetDateTime[] last = new OffsetDateTime[n];
    Long[] claims = new Long[n];
    Long[] redemptions = new Long[n];
    int i = 0;
    for (Map.Entry<String, Counts> e : counts.entrySet()) {
      coupons[i] = e.getKey();
      sellers[i] = e.getValue().sellerId;
      first[i] = Sql.ts(e.getValue().first);
      last[i] = Sql.ts(e.getValue().last);
      claims[i] = e.getValue().claims;
      redemptions[i++] = e.getValue().redemptions;
    }
    return sql.preparedQuery(UPSERT_COUNTS).execute(Tuple.of(coupons, sellers, first, claims, redemptions, last)).replaceWithVoid();
  }

  private static Uni<Void> insertClaims(SqlClient sql, List<Claim> claims) {
    return sql.preparedQuery(INSERT_CLAIMS).execute(Tuple.of(claims.stream().map(Claim::eventId).toArray(String[]::new),
        claims.stream().map(c -> c.e().couponId()).toArray(String[]::new),
        claims.stream().map(c -> c.e().sellerId()).toArray(String[]::new),
        claims.stream().map(c -> c.e().ip()).toArray(String[]::new),
        claims.stream().map(c -> Sql.ts(c.at())).toArray(OffsetDateTime[]::new))).replaceWithVoid();
  }

  /** The stored claims of each (coupon, address) of the batch, from the earliest claim's window to the latest's. */
  private static Uni<Map<String, List<TimedFact>>> claimsAround(SqlClient sql, List<Claim> claims, Duration widest) {
    Map<String, Instant[]> spans = BatchOrder.spans(claims, Claim::key, Claim::at);
    Map<String, Claim> sample = new HashMap<>();
    claims.forEach(c -> sample.putIfAbsent(c.key(), c));
    List<String> keys = new ArrayList<>(spans.keySet());
    return sql.preparedQuery(CLAIMS_AROUND).execute(Tuple.of(keys.stream().map(k -> sample.get(k).e().couponId()).toArray(String[]::new),
        keys.stream().map(k -> sample.get(k).e().ip()).toArray(String[]::new),
        keys.stream().map(k -> Sql.ts(spans.get(k)[0].minus(widest))).toArray(OffsetDateTime[]::new),
        keys.stream().map(k -> Sql.ts(spans.get(k)[1].plus(widest))).toArray(OffsetDateTime[]::new), Rule.RSK_1.id())).map(rows -> {
          Map<String, List<TimedFact>> byKey = new HashMap<>();
          for (Row r : rows) {
            byKey.computeIfAbsent(addressKey(r.getString("coupon_id"), r.getString("ip")), k -> new ArrayList<>())
                .add(new TimedFact(r.getString("event_id"), r.getOffsetDateTime("occurred_at").toInstant()));
          }
          return byKey;
        });
  }

  /** RSK-1 for one claim: a burst containing it decides, once per variant; a claim suppressed by a release counts for nothing. */
  private Uni<Void> burst(SqlClient sql, List<RuleVariant> variants, Claim c, List<TimedFact> facts) {
    TimedFact target = new TimedFact(c.eventId(), c.at());
    if (facts.stream().noneMatch(f -> f.id().equals(c.eventId()))) {
      return Uni.createFrom().voidItem(); // at or before a released decision's evidence: suppressed
    }
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (RuleVariant v : variants) {
      List<TimedFact> burst = Bursts.containing(facts, target, v.settings().duration("window"), v.settings().count("max-claims"));
      if (!burst.isEmpty()) {
        chain = chain.call(() -> decisions.record(sql, claimBurst(v, c.e(), c.eventId(), burst, c.at())));
      }
    }
    return chain;
  }

  private static Decision claimBurst(RuleVariant v, CouponClaimedV1 e, String eventId, List<TimedFact> burst, Instant at) {
    UUID id = DecisionIds.of(Rule.RSK_1.id(), Action.PAUSE_COUPON.name(), e.couponId(), eventId, v.status());
    Instant from = burst.get(0).at();
    Instant to = burst.get(burst.size() - 1).at();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("eventIds", burst.stream().map(TimedFact::id).toList());
    evidence.put("ip", e.ip());
    evidence.put("windowFrom", from.toString());
    evidence.put("windowTo", to.toString());
    String reason = burst.size() + " claims from one address within " + Duration.between(from, to).toMinutes() + " minutes";
    return new Decision(id, Rule.RSK_1.id(), Action.PAUSE_COUPON, SubjectType.COUPON, e.couponId(), e.sellerId(), v.status(),
        "CLAIM_BURST", evidence, v.settings().values(), from, to, at,
        new PauseCouponV1(id.toString(), Rule.RSK_1.id(), e.couponId(), e.sellerId(), reason, at));
  }

  /**
   * RSK-2, once per batch that saw coupon events: coupons with at least min-claims claims, at least min-age old at the
   * coupon stream's time (event time, not the wall clock), whose redemption rate is under the floor, and no decision of
   * this rule yet (an operator's release is final for the coupon).
   */
  Uni<Void> lowRedemptionSweep(SqlClient sql, RuleBook book, Instant streamTime) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (RuleVariant v : book.variants(Rule.RSK_2)) {
      long minClaims = v.settings().count("min-claims");
      Duration minAge = v.settings().duration("min-age");
      long floorBp = v.settings().count("min-redemption-rate-bp");
      String[] blocking = v.enforced() ? new String[] {"ACTIVE", "RELEASED"} : new String[] {"SHADOW", "RELEASED"};
      chain = chain.chain(() -> sql.preparedQuery(LOW_REDEMPTION)
          .execute(Tuple.of(minClaims, Sql.ts(streamTime.minus(minAge)), floorBp, blocking))
          .chain(rows -> InOrder.each(rows, r -> decisions.record(sql, lowRedemption(v, r, streamTime)))));
    }
    return chain;
  }

  private static Decision lowRedemption(RuleVariant v, Row r, Instant now) {
    String couponId = r.getString("coupon_id");
    long claims = r.getLong("claims");
    long redemptions = r.getLong("redemptions");
    Instant created = r.getOffsetDateTime("created_at").toInstant();
    UUID id = DecisionIds.of(Rule.RSK_2.id(), Action.PAUSE_COUPON.name(), couponId, "low-redemption", v.status());
    BigDecimal pct = BigDecimal.valueOf(redemptions * 100).divide(BigDecimal.valueOf(claims), 2, RoundingMode.HALF_UP);
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("claims", claims);
    evidence.put("redemptions", redemptions);
    evidence.put("redemptionRatePct", pct.toPlainString());
    evidence.put("age", Duration.between(created, now).toString());
    evidence.put("windowFrom", created.toString());
    evidence.put("windowTo", now.toString());
    String reason = "redemption rate " + pct.toPlainString() + "% after " + claims + " claims";
    return new Decision(id, Rule.RSK_2.id(), Action.PAUSE_COUPON, SubjectType.COUPON, couponId, r.getString("seller_id"), v.status(),
        "LOW_REDEMPTION", evidence, v.settings().values(), created, now, now,
        new PauseCouponV1(id.toString(), Rule.RSK_2.id(), couponId, r.getString("seller_id"), reason, now));
  }

  /**
   * RSK-3 (CPN-8's definition): a sync arriving (its event time) more than allowed-delay after the stock was observed is late.
   * Every coupon whose pool holds the SKU is paused while any SKU of its pool is late, with which SKUs and how late; a timely
   * sync that leaves none late resolves the decision and resumes the coupon. Older observations than the stored one change
   * nothing (newest observation wins).
   */
  Uni<Void> stockSynced(SqlClient sql, RuleBook book, String eventId, StockSyncedV1 e, Instant arrivedAt) {
    List<RuleVariant> variants = book.variants(Rule.RSK_3);
    long delayMs = Duration.between(e.observedAt(), arrivedAt).toMillis();
    Uni<RowSet<Row>> stored = sql.preparedQuery(UPSERT_SKU).execute(Tuple.tuple().addString(e.sku()).addString(e.sellerId())
        .addString(e.spuId()).addString(e.categoryId()).addString(e.brandId()).addValue(Sql.ts(e.observedAt())).addValue(Sql.ts(arrivedAt))
        .addLong(delayMs).addString(eventId));
    if (variants.isEmpty()) {
      return stored.replaceWithVoid();
    }
    // pipelined with the upsert (one round trip); its answer is used only if this observation was the newest
    Uni<RowSet<Row>> pools = sql.preparedQuery(POOLS_WITH_SKU).execute(Tuple.of(e.sellerId(), e.spuId(), e.categoryId(), e.brandId()));
    return Uni.combine().all().unis(stored, pools).asTuple().chain(r -> {
      if (r.getItem1().size() == 0) {
        return Uni.createFrom().voidItem();
      }
      return InOrder.each(r.getItem2(), pool -> InOrder.each(variants, v -> poolState(sql, v, pool, eventId, e, arrivedAt, delayMs)));
    });
  }

  private Uni<Void> poolState(SqlClient sql, RuleVariant v, Row pool, String eventId, StockSyncedV1 e, Instant at, long delayMs) {
    String couponId = pool.getString("coupon_id");
    long allowedMs = v.settings().duration("allowed-delay").toMillis();
    Uni<RowSet<Row>> late = sql.preparedQuery(LATE_SKUS_OF_POOL).execute(Tuple.of(pool.getString("seller_id"), allowedMs,
        pool.getArrayOfStrings("pool_spus"), pool.getArrayOfStrings("pool_categories"), pool.getArrayOfStrings("pool_brands")));
    Uni<RowSet<Row>> open = sql.preparedQuery(OPEN_DECISION).execute(Tuple.of(Rule.RSK_3.id(), Action.PAUSE_COUPON.name(), "LATE_STOCK",
        SubjectType.COUPON.name(), couponId, v.status().name()));
    return Uni.combine().all().unis(late, open).asTuple().chain(results -> {
      RowSet<Row> lateSkus = results.getItem1();
      RowSet<Row> openDecision = results.getItem2();
      if (delayMs > allowedMs && openDecision.size() == 0) {
        return decisions.record(sql, lateStock(v, pool, eventId, lateSkus, at)).replaceWithVoid();
      }
      if (lateSkus.size() == 0 && openDecision.size() > 0) {
        UUID resolved = openDecision.iterator().next().getUUID("id");
        String note = "timely stock sync of " + e.sku() + " (" + Duration.ofMillis(delayMs).toSeconds() + " s after observation)";
        Uni<Void> resolve = sql.preparedQuery(RESOLVE).execute(Tuple.of(resolved, Sql.ts(at), Rule.RSK_3.id(), note)).replaceWithVoid();
        if (!v.enforced()) {
          return resolve;
        }
        UUID resumeId = DecisionIds.resumeOf(resolved);
        return resolve.chain(() -> decisions.publish(sql, resumeId, couponId, new ResumeCouponV1(resumeId.toString(), Rule.RSK_3.id(),
            couponId, pool.getString("seller_id"), resolved.toString(), at), at));
      }
      return Uni.createFrom().voidItem();
    });
  }

  private static Decision lateStock(RuleVariant v, Row pool, String eventId, RowSet<Row> lateSkus, Instant at) {
    String couponId = pool.getString("coupon_id");
    UUID id = DecisionIds.of(Rule.RSK_3.id(), Action.PAUSE_COUPON.name(), couponId, eventId, v.status());
    List<Map<String, Object>> skus = new ArrayList<>();
    Instant from = at;
    for (Row r : lateSkus) {
      Map<String, Object> sku = new LinkedHashMap<>();
      sku.put("sku", r.getString("sku"));
      sku.put("observedAt", r.getOffsetDateTime("observed_at").toInstant().toString());
      sku.put("arrivedAt", r.getOffsetDateTime("arrived_at").toInstant().toString());
      sku.put("lateBySeconds", Duration.ofMillis(r.getLong("delay_ms")).minus(v.settings().duration("allowed-delay")).toSeconds());
      sku.put("delaySeconds", Duration.ofMillis(r.getLong("delay_ms")).toSeconds());
      skus.add(sku);
      Instant observed = r.getOffsetDateTime("observed_at").toInstant();
      from = observed.isBefore(from) ? observed : from;
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("eventIds", List.of(eventId));
    evidence.put("lateSkus", skus);
    evidence.put("windowFrom", from.toString());
    evidence.put("windowTo", at.toString());
    String reason = skus.size() + " SKU(s) of the pool synced late: " + skus.stream().map(s -> s.get("sku") + " +" + s.get("delaySeconds") + "s")
        .reduce((a, b) -> a + ", " + b).orElse("");
    return new Decision(id, Rule.RSK_3.id(), Action.PAUSE_COUPON, SubjectType.COUPON, couponId, pool.getString("seller_id"), v.status(),
        "LATE_STOCK", evidence, v.settings().values(), from, at, at,
        new PauseCouponV1(id.toString(), Rule.RSK_3.id(), couponId, pool.getString("seller_id"), reason, at));
  }

  /**
   * RSK-1's key: a coupon's claims from one address (CLAIMS_AROUND builds the same key in SQL to read a release's suppression,
   * and DecisionService writes a release under it).
   */
  public static String addressKey(String couponId, String ip) {
    return couponId + "\n" + ip;
  }
}
