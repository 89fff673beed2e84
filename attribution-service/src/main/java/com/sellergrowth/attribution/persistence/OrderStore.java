package com.sellergrowth.attribution.persistence;

import static com.sellergrowth.attribution.persistence.Sql.instant;
import static com.sellergrowth.attribution.persistence.Sql.odt;

import com.sellergrowth.attribution.domain.AttributionRule;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Orders as attribution sees them (ATR-5) and their commissions (ATR-7): SQL only, the decisions are in the service. */
@ApplicationScoped
public class OrderStore {
  private static final String ORDER = "order_id, seller_id, device_id, named_click_id, currency, gmv_minor, lines, placed_at, paid_at, "
      + "refunded_at, click_id, code_id, click_at, matched_by, window_seconds";

  /** An order's row. */
  public record OrderRow(String orderId, String sellerId, String deviceId, UUID namedClickId, String currency, long gmvMinor, String lines,
      Instant placedAt, Instant paidAt, Instant refundedAt, UUID clickId, UUID codeId, Instant clickAt, String matchedBy, Long windowSeconds) {
    public boolean attributed() {
      return clickId != null;
    }
  }

  /**
   * New or known orders, one row per order id, in one statement: the earliest placement and the first payment win; the stored rows
   * after it.
   */
  public Uni<List<OrderRow>> upsertAll(SqlClient sql, List<OrderRow> rows, List<String> buyers, Instant receivedAt) {
    int n = rows.size();
    String[] ids = new String[n];
    String[] sellers = new String[n];
    String[] devices = new String[n];
    UUID[] named = new UUID[n];
    String[] currencies = new String[n];
    Long[] gmv = new Long[n];
    String[] lines = new String[n];
    java.time.OffsetDateTime[] placed = new java.time.OffsetDateTime[n];
    java.time.OffsetDateTime[] paid = new java.time.OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      OrderRow o = rows.get(i);
      ids[i] = o.orderId();
      sellers[i] = o.sellerId();
      devices[i] = o.deviceId();
      named[i] = o.namedClickId();
      currencies[i] = o.currency();
      gmv[i] = o.gmvMinor();
      lines[i] = o.lines();
      placed[i] = odt(o.placedAt());
      paid[i] = odt(o.paidAt());
    }
    return sql.preparedQuery("INSERT INTO order_attribution(order_id, seller_id, buyer_id, device_id, named_click_id, currency, gmv_minor, "
            + "lines, placed_at, paid_at, received_at) SELECT *, $11::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], "
            + "$5::uuid[], $6::text[], $7::bigint[], $8::text[], $9::timestamptz[], $10::timestamptz[]) "
            + "ON CONFLICT (order_id) DO UPDATE SET placed_at = LEAST(order_attribution.placed_at, EXCLUDED.placed_at), "
            + "paid_at = coalesce(order_attribution.paid_at, EXCLUDED.paid_at) RETURNING " + ORDER)
        .execute(Tuple.from(new Object[] {ids, sellers, buyers.toArray(String[]::new), devices, named, currencies, gmv, lines, placed, paid,
            odt(receivedAt)}))
        .map(result -> {
          List<OrderRow> out = new ArrayList<>();
          result.forEach(r -> out.add(order(r)));
          return out;
        });
  }

  /** The counted clicks each unattributed order may be won by (its device's clicks in its window, or the click it names). */
  public Uni<java.util.Map<String, List<AttributionRule.Candidate>>> candidatesOf(SqlClient sql, List<OrderRow> orders, java.time.Duration window) {
    int n = orders.size();
    String[] ids = new String[n];
    String[] sellers = new String[n];
    String[] devices = new String[n];
    UUID[] named = new UUID[n];
    java.time.OffsetDateTime[] lo = new java.time.OffsetDateTime[n];
    java.time.OffsetDateTime[] hi = new java.time.OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      OrderRow o = orders.get(i);
      ids[i] = o.orderId();
      sellers[i] = o.sellerId();
      devices[i] = o.deviceId();
      named[i] = o.namedClickId();
      lo[i] = odt(o.placedAt().minus(window));
      hi[i] = odt(o.placedAt());
    }
    String keys = " FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::timestamptz[]) "
        + "AS k(order_id, seller_id, device_id, named, lo, hi) JOIN click c ON c.seller_id = k.seller_id AND c.invalid_reason IS NULL "
        + "AND c.risk_reason IS NULL AND ";
    String columns = "SELECT k.order_id, c.click_id, c.code_id, c.device_id, c.occurred_at";
    return sql.preparedQuery(columns + keys + "c.device_id = k.device_id AND c.occurred_at BETWEEN k.lo AND k.hi UNION "
            + columns + keys + "c.click_id = k.named")
        .execute(Tuple.from(new Object[] {ids, sellers, devices, named, lo, hi})).map(rows -> {
          java.util.Map<String, List<AttributionRule.Candidate>> out = new java.util.HashMap<>();
          rows.forEach(r -> out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new AttributionRule.Candidate(r.getUUID(1),
              r.getUUID(2), r.getString(3), instant(r.getOffsetDateTime(4)))));
          return out;
        });
  }

  /** Attributes many orders at once (those not attributed yet); the ids of the orders this statement attributed. */
  public Uni<java.util.Set<String>> attributeAll(SqlClient sql, List<String> orderIds, List<AttributionRule.Winner> winners, long windowSeconds) {
    int n = orderIds.size();
    UUID[] clicks = new UUID[n];
    UUID[] codes = new UUID[n];
    java.time.OffsetDateTime[] at = new java.time.OffsetDateTime[n];
    String[] matched = new String[n];
    for (int i = 0; i < n; i++) {
      AttributionRule.Winner w = winners.get(i);
      clicks[i] = w.click().clickId();
      codes[i] = w.click().codeId();
      at[i] = odt(w.click().at());
      matched[i] = w.matchedBy();
    }
    return sql.preparedQuery("UPDATE order_attribution o SET click_id = k.click_id, code_id = k.code_id, click_at = k.click_at, "
            + "matched_by = k.matched_by, window_seconds = $6 FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::text[]) "
            + "AS k(order_id, click_id, code_id, click_at, matched_by) WHERE o.order_id = k.order_id AND o.click_id IS NULL RETURNING o.order_id")
        .execute(Tuple.from(new Object[] {orderIds.toArray(String[]::new), clicks, codes, at, matched, windowSeconds}))
        .map(OrderStore::ids);
  }

  /** Credits many commissions at once, each once (the primary key); the order ids credited by this statement. */
  public Uni<java.util.Set<String>> accrueAll(SqlClient sql, List<CommissionRow> rows) {
    int n = rows.size();
    String[] ids = new String[n];
    String[] sellers = new String[n];
    UUID[] codes = new UUID[n];
    String[] currencies = new String[n];
    Long[] base = new Long[n];
    Long[] amount = new Long[n];
    String[] lines = new String[n];
    java.time.OffsetDateTime[] accrued = new java.time.OffsetDateTime[n];
    java.time.OffsetDateTime[] locks = new java.time.OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      CommissionRow c = rows.get(i);
      ids[i] = c.orderId();
      sellers[i] = c.sellerId();
      codes[i] = c.codeId();
      currencies[i] = c.currency();
      base[i] = c.baseMinor();
      amount[i] = c.amountMinor();
      lines[i] = c.lines();
      accrued[i] = odt(c.accruedAt());
      locks[i] = odt(c.locksAt());
    }
    return sql.preparedQuery("INSERT INTO commission(order_id, seller_id, code_id, currency, base_minor, amount_minor, lines, status, "
            + "accrued_at, locks_at) SELECT o, s, c, cur, b, a, l, 'PENDING', ac, lk FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], "
            + "$5::bigint[], $6::bigint[], $7::text[], $8::timestamptz[], $9::timestamptz[]) AS k(o, s, c, cur, b, a, l, ac, lk) "
            + "ON CONFLICT DO NOTHING RETURNING order_id")
        .execute(Tuple.from(new Object[] {ids, sellers, codes, currencies, base, amount, lines, accrued, locks})).map(OrderStore::ids);
  }

  private static java.util.Set<String> ids(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
    java.util.Set<String> out = new java.util.HashSet<>();
    rows.forEach(r -> out.add(r.getString(0)));
    return out;
  }

  /** Marks a known order refunded (the first refund wins); null for an order attribution never stored. */
  public Uni<OrderRow> refund(SqlClient sql, String orderId, Instant at) {
    return sql.preparedQuery("UPDATE order_attribution SET refunded_at = coalesce(refunded_at, $2) WHERE order_id = $1 RETURNING " + ORDER)
        .execute(Tuple.of(orderId, odt(at))).map(rows -> rows.size() == 0 ? null : order(rows.iterator().next()));
  }

  /**
   * Orders still waiting for a click (that arrived within the grace, placed within the clicks' windows) that these devices or
   * click ids may attribute; locked for the caller.
   */
  public Uni<List<OrderRow>> waiting(SqlClient sql, String[] devices, UUID[] clickIds, Instant receivedSince, Instant placedFrom,
      Instant placedTo) {
    return sql.preparedQuery("SELECT " + ORDER + " FROM order_attribution WHERE click_id IS NULL AND received_at >= $3 "
            + "AND placed_at BETWEEN $4 AND $5 AND (device_id = ANY($1) OR named_click_id = ANY($2)) ORDER BY order_id FOR UPDATE")
        .execute(Tuple.of(devices, clickIds, odt(receivedSince), odt(placedFrom), odt(placedTo))).map(rows -> {
          List<OrderRow> out = new ArrayList<>();
          rows.forEach(r -> out.add(order(r)));
          return out;
        });
  }

  /** A commission's row. */
  public record CommissionRow(String orderId, String sellerId, UUID codeId, String currency, long baseMinor, long amountMinor, String lines,
      String status, long clawbackMinor, Instant accruedAt, Instant locksAt, Instant lockedAt, Instant paidAt, Instant reversedAt,
      int version) {
  }

  private static final String COMMISSION = "order_id, seller_id, code_id, currency, base_minor, amount_minor, lines, status, clawback_minor, "
      + "accrued_at, locks_at, locked_at, paid_at, reversed_at, version";

  /** The orders a click won (ATR-5) that earned a commission. */
  public Uni<List<String>> ordersWonBy(SqlClient sql, UUID clickId) {
    return sql.preparedQuery("SELECT o.order_id FROM order_attribution o JOIN commission c ON c.order_id = o.order_id"
        + " WHERE o.click_id = $1 ORDER BY o.order_id").execute(Tuple.of(clickId)).map(rows -> {
          List<String> ids = new java.util.ArrayList<>();
          rows.forEach(r -> ids.add(r.getString(0)));
          return ids;
        });
  }

  public Uni<CommissionRow> commissionForUpdate(SqlClient sql, String orderId) {
    return sql.preparedQuery("SELECT " + COMMISSION + " FROM commission WHERE order_id = $1 FOR UPDATE").execute(Tuple.of(orderId))
        .map(rows -> rows.size() == 0 ? null : commission(rows.iterator().next()));
  }

  public Uni<CommissionRow> commission(SqlClient sql, String sellerId, String orderId) {
    return sql.preparedQuery("SELECT " + COMMISSION + " FROM commission WHERE order_id = $1 AND ($2::text IS NULL OR seller_id = $2)")
        .execute(Tuple.of(orderId, sellerId)).map(rows -> rows.size() == 0 ? null : commission(rows.iterator().next()));
  }

  /** Refund while pending: nothing was owed yet. */
  public Uni<Void> reverse(SqlClient sql, String orderId, Instant at) {
    return sql.preparedQuery("UPDATE commission SET status = 'REVERSED', reversed_at = $2, version = version + 1 WHERE order_id = $1")
        .execute(Tuple.of(orderId, odt(at))).replaceWithVoid();
  }

  /** Refund after locking: the amount is owed back. */
  public Uni<Void> clawBack(SqlClient sql, String orderId, Instant at) {
    return sql.preparedQuery("UPDATE commission SET clawback_minor = amount_minor, reversed_at = $2, version = version + 1 WHERE order_id = $1")
        .execute(Tuple.of(orderId, odt(at))).replaceWithVoid();
  }

  /** Locks up to {@code limit} pending commissions due at {@code now}; the locked rows. */
  public Uni<List<CommissionRow>> lockDue(SqlClient sql, Instant now, int limit) {
    return sql.preparedQuery("UPDATE commission SET status = 'LOCKED', locked_at = $1, version = version + 1 WHERE order_id IN ("
            + "SELECT order_id FROM commission WHERE status = 'PENDING' AND locks_at <= $1 ORDER BY locks_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
            + "RETURNING " + COMMISSION)
        .execute(Tuple.of(odt(now), limit)).map(OrderStore::commissions);
  }

  /** Pays a locked commission at the version the operator read; null when nothing matched. */
  public Uni<CommissionRow> pay(SqlClient sql, String orderId, int version, Instant now) {
    return sql.preparedQuery("UPDATE commission SET status = 'PAID', paid_at = $3, version = version + 1 WHERE order_id = $1 AND version = $2 "
            + "AND status = 'LOCKED' AND clawback_minor = 0 RETURNING " + COMMISSION)
        .execute(Tuple.of(orderId, version, odt(now))).map(rows -> rows.size() == 0 ? null : commission(rows.iterator().next()));
  }

  public Uni<List<CommissionRow>> commissions(SqlClient sql, String sellerId, String status, int page, int size) {
    return sql.preparedQuery("SELECT " + COMMISSION + " FROM commission WHERE ($1::text IS NULL OR seller_id = $1) AND ($2::text IS NULL OR "
            + "status = $2) ORDER BY accrued_at DESC, order_id LIMIT $3 OFFSET $4")
        .execute(Tuple.of(sellerId, status, size, (long) page * size)).map(OrderStore::commissions);
  }

  public Uni<OrderRow> order(SqlClient sql, String sellerId, String orderId) {
    return sql.preparedQuery("SELECT " + ORDER + " FROM order_attribution WHERE order_id = $1 AND seller_id = $2")
        .execute(Tuple.of(orderId, sellerId)).map(rows -> rows.size() == 0 ? null : order(rows.iterator().next()));
  }

  private static List<CommissionRow> commissions(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
    List<CommissionRow> out = new ArrayList<>();
    rows.forEach(r -> out.add(commission(r)));
    return out;
  }

  private static OrderRow order(Row r) {
    return new OrderRow(r.getString("order_id"), r.getString("seller_id"), r.getString("device_id"), r.getUUID("named_click_id"),
        r.getString("currency"), r.getLong("gmv_minor"), r.getString("lines"), instant(r.getOffsetDateTime("placed_at")),
        instant(r.getOffsetDateTime("paid_at")), instant(r.getOffsetDateTime("refunded_at")), r.getUUID("click_id"), r.getUUID("code_id"),
        instant(r.getOffsetDateTime("click_at")), r.getString("matched_by"), r.getLong("window_seconds"));
  }

  private static CommissionRow commission(Row r) {
    return new CommissionRow(r.getString("order_id"), r.getString("seller_id"), r.getUUID("code_id"), r.getString("currency"),
        r.getLong("base_minor"), r.getLong("amount_minor"), r.getString("lines"), r.getString("status"), r.getLong("clawback_minor"),
        instant(r.getOffsetDateTime("accrued_at")), instant(r.getOffsetDateTime("locks_at")), instant(r.getOffsetDateTime("locked_at")),
        instant(r.getOffsetDateTime("paid_at")), instant(r.getOffsetDateTime("reversed_at")), r.getInteger("version"));
  }
}
