package com.sellergrowth.coupon.persistence;

import static com.sellergrowth.coupon.persistence.CouponQueries.odt;

import com.sellergrowth.coupon.config.CouponConfig;
import com.sellergrowth.coupon.domain.ClaimCheck;
import com.sellergrowth.coupon.domain.CouponStatus;
import com.sellergrowth.support.batch.Batcher;
import com.sellergrowth.support.inbox.Failures;
import com.sellergrowth.support.outbox.Outbox;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * The claim hot path's SQL, on the reactive PostgreSQL client with prepared statements: one read that decides the rules, and
 * one statement that writes the claim (or the refusal) together with its outbox row. A single statement is atomic by
 * itself, so the state change and its event commit together without a multi-round-trip transaction (ADR 3).
 *
 * <p>Concurrent claims share their round trips (ADR 7): the reads that arrive while others are in flight go out as one
 * set-based statement over arrays of keys, and the claims (or refusals) to store as one {@code INSERT ... SELECT FROM
 * unnest(...)}: one statement and one commit for the whole batch, which is what lets claims keep pace with PostgreSQL's raw
 * insert rate.
 */
@ApplicationScoped
public class ClaimStore {
  private static final String POOL_MATCH = "s.seller_id = c.seller_id AND (s.spu_id = ANY(c.pool_spus)"
      + " OR s.category_id = ANY(c.pool_categories) OR s.brand_id = ANY(c.pool_brands))";
  /**
   * The rules of a batch of claims, one row per claim whose coupon exists ({@code ord} says which): the coupon, the buyer's
   * record and, once per coupon, its pool's stock (CPN-8: stale when a SKU's latest sync was late or the oldest is overdue).
   */
  private static final String CLAIM_ROWS = "WITH k AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[])"
      + " WITH ORDINALITY AS k(coupon_id, buyer_id, arbitration_since, overdue_before, ord)),"
      + " cp AS (SELECT c.id, c.seller_id, c.status, c.starts_at, c.ends_at, c.target_countries, c.first_order_only, c.face_value_minor,"
      + " c.variants_json, c.total_quantity, c.budget_minor, st.sellable, st.late, st.oldest FROM coupon c CROSS JOIN LATERAL"
      + " (SELECT count(*) FILTER (WHERE s.listed AND s.quantity > 0) AS sellable, count(*) FILTER (WHERE s.late) AS late,"
      + " min(s.synced_at) AS oldest FROM sku_stock s WHERE " + POOL_MATCH + ") st WHERE c.id IN (SELECT coupon_id FROM k))"
      + " SELECT k.ord, cp.seller_id, cp.status, cp.starts_at, cp.ends_at, cp.target_countries, cp.first_order_only, cp.face_value_minor,"
      + " cp.variants_json, cp.total_quantity, cp.budget_minor,"
      + " (SELECT count(*) FROM buyer_arbitration a WHERE a.buyer_id = k.buyer_id AND a.escalated_at > k.arbitration_since"
      + " AND a.closed_at IS NULL),"
      + " EXISTS (SELECT 1 FROM buyer_order o WHERE o.buyer_id = k.buyer_id AND o.seller_id = cp.seller_id),"
      + " cp.sellable, coalesce(cp.late > 0 OR cp.oldest < k.overdue_before, false)"
      + " FROM k JOIN cp ON cp.id = k.coupon_id";
  /**
   * Claims and their outbox rows, one array per column. A buyer who already holds a claim is skipped (the unique key is the
   * last line of defence behind Redis), and so is its event. CPN-3 is held here too, whatever Redis said: the coupon's
   * issuance rows (V3) are locked, in coupon order (two batches over the same coupons never deadlock), the batch's new claims are counted in order on top of it, and those past the total quantity
   * or the budget are not stored (the issuance trigger would refuse the whole statement otherwise). One row per claim answers:
   * stored, or why not. Outbox rows keep the batch's order.
   */
  private static final String INSERT_CLAIMS = "WITH input AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[],"
      + " $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::uuid[], $12::text[], $13::text[],"
      + " $14::text[], $15::int[], $16::text[], $17::text[], $18::timestamptz[]) WITH ORDINALITY AS t(id, coupon_id, seller_id, buyer_id,"
      + " variant, face_value_minor, buyer_country, ip, device_id, claimed_at, event_id, topic, msg_key, type, version, payload,"
      + " traceparent, occurred_at, ord)),"
      + " g AS (SELECT i.coupon_id, i.claims, i.face_value_minor AS issued, c.total_quantity, c.budget_minor FROM coupon_issuance i"
      + " JOIN coupon c ON c.id = i.coupon_id WHERE i.coupon_id IN (SELECT coupon_id FROM input) ORDER BY i.coupon_id FOR UPDATE OF i),"
      + " fresh AS (SELECT t.id, t.coupon_id, row_number() OVER w AS n, sum(t.face_value_minor) OVER w AS spent FROM input t"
      + " WHERE NOT EXISTS (SELECT 1 FROM coupon_claim x WHERE x.coupon_id = t.coupon_id AND x.buyer_id = t.buyer_id)"
      + " WINDOW w AS (PARTITION BY t.coupon_id ORDER BY t.ord)),"
      + " judged AS (SELECT f.id, g.claims + f.n <= g.total_quantity AS in_quantity,"
      + " (g.budget_minor IS NULL OR g.issued + f.spent <= g.budget_minor) AS in_budget FROM fresh f JOIN g ON g.coupon_id = f.coupon_id),"
      + " c AS (INSERT INTO coupon_claim(id, coupon_id, seller_id, buyer_id, variant, face_value_minor, status, buyer_country, ip,"
      + " device_id, claimed_at) SELECT i.id, i.coupon_id, i.seller_id, i.buyer_id, i.variant, i.face_value_minor, 'UNUSED',"
      + " i.buyer_country, i.ip, i.device_id, i.claimed_at FROM input i JOIN judged j ON j.id = i.id AND j.in_quantity AND j.in_budget"
      + " ORDER BY i.ord ON CONFLICT DO NOTHING RETURNING id),"
      + " o AS (INSERT INTO outbox_event(" + Outbox.COLUMNS + ") SELECT i.event_id, i.topic, i.msg_key, i.type, i.version, i.msg_key,"
      + " i.payload, i.traceparent, i.occurred_at FROM input i JOIN c ON c.id = i.id ORDER BY i.ord)"
      + " SELECT i.id, c.id IS NOT NULL, coalesce(j.in_quantity, true), coalesce(j.in_budget, true) FROM input i"
      + " LEFT JOIN judged j ON j.id = i.id LEFT JOIN c ON c.id = i.id";
  /** Refused claims (CPN-10) and their outbox rows, one array per column, in the batch's order. */
  private static final String INSERT_REFUSALS = "WITH input AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[],"
      + " $5::text[], $6::timestamptz[], $7::uuid[], $8::text[], $9::text[], $10::text[], $11::int[], $12::text[], $13::text[],"
      + " $14::timestamptz[]) WITH ORDINALITY AS t(coupon_id, buyer_id, code, buyer_country, ip, refused_at, event_id, topic, msg_key,"
      + " type, version, payload, traceparent, occurred_at, ord)),"
      + " r AS (INSERT INTO claim_refusal(coupon_id, buyer_id, stage, code, buyer_country, ip, refused_at) SELECT coupon_id, buyer_id,"
      + " 'CLAIM', code, buyer_country, ip, refused_at FROM input ORDER BY ord)"
      + " INSERT INTO outbox_event(" + Outbox.COLUMNS + ") SELECT event_id, topic, msg_key, type, version, msg_key, payload, traceparent,"
      + " occurred_at FROM input ORDER BY ord";
  /** The largest batch: beyond a few hundred claims, a statement only grows its arrays and its wait. */
  private static final int MAX_BATCH = 256;

  /** What became of a claim sent to be stored. */
  public enum Stored {
    STORED,
    /** The buyer already holds a claim on the coupon (CPN-3's unique key). */
    DUPLICATE,
    /** PostgreSQL's count says the total quantity is reached (Redis let it through: its state was wrong). */
    SOLD_OUT,
    /** PostgreSQL's count says the budget is spent (Redis let it through). */
    BUDGET_EXHAUSTED
  }

  /** What a claim needs from PostgreSQL, in one round trip. */
  public record ClaimRow(String sellerId, long faceValueMinor, String variantsJson, long totalQuantity, Long budgetMinor, ClaimCheck check) {
  }

  /** Claims and face value issued on a coupon, as PostgreSQL counts them (V3). */
  public record Issuance(long claims, long faceValueMinor) {
  }

  /** A refused claim to record with its outbox row. */
  record NewRefusal(UUID couponId, String buyerId, String code, String buyerCountry, String ip, Instant refusedAt,
      Outbox.Row event) {
  }

  /** A claim to store with its outbox row. */
  record NewClaim(CouponClaim claim, Outbox.Row event) {
  }

  /** What one claim's rules are read for. */
  record ClaimRowKey(UUID couponId, String buyerId, String buyerCountry, OffsetDateTime arbitrationSince,
      OffsetDateTime overdueBefore) {
  }

  private final Pool pool;
  private final Batcher<ClaimRowKey, Optional<ClaimRow>> reads;
  private final Batcher<NewClaim, Stored> writes;
  private final Batcher<NewRefusal, Boolean> refusals;

  public ClaimStore(Pool pool, CouponConfig config, MeterRegistry metrics) {
    this.pool = pool;
    int inFlight = config.claims().batchesInFlight();
    this.reads = new Batcher<>(MAX_BATCH, inFlight, Failures::isDataError, this::readRows, batchSizes(metrics, "read"));
    this.writes = new Batcher<>(MAX_BATCH, inFlight, Failures::isDataError, this::insertClaims, batchSizes(metrics, "write"));
    // a coupon that sells out turns every later claim into a refusal: those share their statement too
    this.refusals = new Batcher<>(MAX_BATCH, inFlight, Failures::isDataError, this::insertRefusals, batchSizes(metrics, "refusal"));
  }

  private static IntConsumer batchSizes(MeterRegistry metrics, String statement) {
    DistributionSummary sizes = DistributionSummary.builder("coupon.claims.batch.size").baseUnit("claims")
        .description("Claims sharing one statement (group commit)").tag("statement", statement).register(metrics);
    return sizes::record;
  }

  /** Everything a claim is decided on, or null when the coupon does not exist. */
  public Uni<ClaimRow> claimRow(UUID couponId, String buyerId, String buyerCountry, Instant arbitrationSince,
      Instant overdueBefore) {
    return reads.submit(new ClaimRowKey(couponId, buyerId, buyerCountry, odt(arbitrationSince), odt(overdueBefore)))
        .map(row -> row.orElse(null));
  }

  /** One batch of reads, as the batcher sends it: one answer per key, in order, empty where the coupon does not exist. */
  Uni<List<Optional<ClaimRow>>> readRows(List<ClaimRowKey> keys) {
    int n = keys.size();
    UUID[] coupons = new UUID[n];
    String[] buyers = new String[n];
    OffsetDateTime[] arbitrationSince = new OffsetDateTime[n];
    OffsetDateTime[] overdueBefore = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      ClaimRowKey k = keys.get(i);
      coupons[i] = k.couponId();
      buyers[i] = k.buyerId();
      arbitrationSince[i] = k.arbitrationSince();
      overdueBefore[i] = k.overdueBefore();
    }
    return pool.preparedQuery(CLAIM_ROWS).execute(Tuple.of(coupons, buyers, arbitrationSince, overdueBefore)).map(rows -> {
      List<Optional<ClaimRow>> answers = new ArrayList<>(Collections.nCopies(n, Optional.empty()));
      for (Row r : rows) {
        int i = (int) (r.getLong(0) - 1);
        answers.set(i, Optional.of(claimRow(r, keys.get(i).buyerCountry())));
      }
      return answers;
    });
  }

  private static ClaimRow claimRow(Row r, String buyerCountry) {
    ClaimCheck check = new ClaimCheck(CouponStatus.valueOf(r.getString(2)), r.getOffsetDateTime(3).toInstant(),
        r.getOffsetDateTime(4).toInstant(), Arrays.asList(r.getArrayOfStrings(5)), r.getBoolean(6), buyerCountry, r.getLong(11),
        r.getBoolean(12), r.getLong(13), r.getBoolean(14));
    return new ClaimRow(r.getString(1), r.getLong(7), r.getString(8), r.getLong(9), r.getLong(10), check);
  }

  /**
   * Stores the claim and its outbox row together, or neither: when the buyer already holds a claim on the coupon, or when
   * the coupon's total or budget is reached by PostgreSQL's count (CPN-3).
   */
  public Uni<Stored> insertClaim(CouponClaim c, Outbox.Row event) {
    return writes.submit(new NewClaim(c, event));
  }

  /** One batch of claims, as the batcher sends it: what became of each, in order. */
  Uni<List<Stored>> insertClaims(List<NewClaim> batch) {
    int n = batch.size();
    UUID[] ids = new UUID[n];
    UUID[] coupons = new UUID[n];
    String[] sellers = new String[n];
    String[] buyers = new String[n];
    String[] variants = new String[n];
    Long[] faceValues = new Long[n];
    String[] countries = new String[n];
    String[] ips = new String[n];
    String[] devices = new String[n];
    OffsetDateTime[] claimedAt = new OffsetDateTime[n];
    Outbox.Columns events = new Outbox.Columns(n);
    for (int i = 0; i < n; i++) {
      CouponClaim c = batch.get(i).claim();
      ids[i] = c.id;
      coupons[i] = c.couponId;
      sellers[i] = c.sellerId;
      buyers[i] = c.buyerId;
      variants[i] = c.variant;
      faceValues[i] = c.faceValueMinor;
      countries[i] = c.buyerCountry;
      ips[i] = c.ip;
      devices[i] = c.deviceId;
      claimedAt[i] = odt(c.claimedAt);
      events.set(i, batch.get(i).event());
    }
    List<Object> columns = new ArrayList<>(List.<Object>of(ids, coupons, sellers, buyers, variants, faceValues, countries, ips, devices,
        claimedAt));
    columns.addAll(events.values());
    Tuple t = Tuple.from(columns);
    return pool.preparedQuery(INSERT_CLAIMS).execute(t).map(rows -> {
      Map<UUID, Stored> outcomes = new HashMap<>();
      for (Row r : rows) {
        outcomes.put(r.getUUID(0), r.getBoolean(1) ? Stored.STORED
            : !r.getBoolean(2) ? Stored.SOLD_OUT : !r.getBoolean(3) ? Stored.BUDGET_EXHAUSTED : Stored.DUPLICATE);
      }
      List<Stored> answers = new ArrayList<>(n);
      for (UUID id : ids) {
        answers.add(outcomes.get(id));
      }
      return answers;
    });
  }

  /** PostgreSQL's count of a coupon's claims (the gate is rebuilt from it). */
  public Uni<Issuance> issuance(UUID couponId) {
    return pool.preparedQuery("SELECT claims, face_value_minor FROM coupon_issuance WHERE coupon_id = $1").execute(Tuple.of(couponId))
        .map(rows -> {
          if (rows.size() == 0) {
            return new Issuance(0, 0);
          }
          Row r = rows.iterator().next();
          return new Issuance(r.getLong(0), r.getLong(1));
        });
  }

  /**
   * Whether the buyer holds a stored claim on the coupon: asked only when Redis says the buyer has claimed (a reservation
   * with no stored claim behind it is a request that died before storing it), not on every claim's read.
   */
  public Uni<Boolean> buyerHolds(UUID couponId, String buyerId) {
    return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM coupon_claim WHERE coupon_id = $1 AND buyer_id = $2)")
        .execute(Tuple.of(couponId, buyerId)).map(rows -> rows.iterator().next().getBoolean(0));
  }

  /** One page of the buyers holding a claim on a coupon, after {@code after} in buyer order (keyset: the unique key's index). */
  public Uni<List<String>> buyersAfter(UUID couponId, String after, int limit) {
    return pool.preparedQuery("SELECT buyer_id FROM coupon_claim WHERE coupon_id = $1 AND buyer_id > $2 ORDER BY buyer_id LIMIT $3")
        .execute(Tuple.of(couponId, after, limit)).map(rows -> {
          List<String> page = new ArrayList<>(rows.size());
          for (Row r : rows) {
            page.add(r.getString(0));
          }
          return page;
        });
  }

  /** Records a refused claim (CPN-10) and its outbox row together. */
  public Uni<Void> insertRefusal(UUID couponId, String buyerId, String code, String country, String ip, Instant at, Outbox.Row event) {
    return refusals.submit(new NewRefusal(couponId, buyerId, code, country, ip, at, event)).replaceWithVoid();
  }

  /** One batch of refusals, as the batcher sends it. */
  Uni<List<Boolean>> insertRefusals(List<NewRefusal> batch) {
    int n = batch.size();
    UUID[] coupons = new UUID[n];
    String[] buyers = new String[n];
    String[] codes = new String[n];
    String[] countries = new String[n];
    String[] ips = new String[n];
    OffsetDateTime[] refusedAt = new OffsetDateTime[n];
    Outbox.Columns events = new Outbox.Columns(n);
    for (int i = 0; i < n; i++) {
      NewRefusal r = batch.get(i);
      coupons[i] = r.couponId();
      buyers[i] = r.buyerId();
      codes[i] = r.code();
      countries[i] = r.buyerCountry();
      ips[i] = r.ip();
      refusedAt[i] = odt(r.refusedAt());
      events.set(i, r.event());
    }
    List<Object> columns = new ArrayList<>(List.<Object>of(coupons, buyers, codes, countries, ips, refusedAt));
    columns.addAll(events.values());
    return pool.preparedQuery(INSERT_REFUSALS).execute(Tuple.from(columns)).map(ignored -> Collections.nCopies(n, Boolean.TRUE));
  }
}
