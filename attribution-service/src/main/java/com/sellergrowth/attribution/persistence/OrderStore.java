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

  /** A new or known order; the stored row after it (the earliest placement, the first payment and refund win). */
  public Uni<OrderRow> upsert(SqlClient sql, OrderRow o, Instant receivedAt, String buyerId) {
    return sql.preparedQuery("INSERT INTO order_attribution(order_id, seller_id, buyer_id, device_id, named_click_id, currency, gmv_minor, lines, "
            + "placed_at, paid_at, refunded_at, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
            + "ON CONFLICT (order_id) DO UPDATE SET placed_at = LEAST(order_attribution.placed_at, EXCLUDED.placed_at), "
            + "paid_at = coalesce(order_attribution.paid_at, EXCLUDED.paid_at), refunded_at = coalesce(order_attribution.refunded_at, "
            + "EXCLUDED.refunded_at) RETURNING " + ORDER)
        .execute(Tuple.from(new Object[] {o.orderId(), o.sellerId(), buyerId, o.deviceId(), o.namedClickId(), o.currency(), o.gmvMinor(),
            o.lines(), odt(o.placedAt()), odt(o.paidAt()), odt(o.refundedAt()), odt(receivedAt)}))
        .map(rows -> order(rows.iterator().next()));
  }

  /** Marks a known order refunded (the first refund wins); null for an order attribution never stored. */
  public Uni<OrderRow> refund(SqlClient sql, String orderId, Instant at) {
    return sql.preparedQuery("UPDATE order_attribution SET refunded_at = coalesce(refunded_at, $2) WHERE order_id = $1 RETURNING " + ORDER)
        .execute(Tuple.of(orderId, odt(at))).map(rows -> rows.size() == 0 ? null : order(rows.iterator().next()));
  }

  /** Counted clicks (no invalid or risk reason) of the seller's codes that may win an order. */
  public Uni<List<AttributionRule.Candidate>> candidates(SqlClient sql, String sellerId, String deviceId, UUID namedClickId, Instant from,
      Instant to) {
    return sql.preparedQuery("SELECT click_id, code_id, device_id, occurred_at FROM click WHERE seller_id = $1 AND invalid_reason IS NULL "
            + "AND risk_reason IS NULL AND ((device_id = $2 AND occurred_at BETWEEN $3 AND $4) OR click_id = $5)")
        .execute(Tuple.of(sellerId, deviceId, odt(from), odt(to), namedClickId)).map(OrderStore::candidates);
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

  /** Attributes an order that is not attributed yet; false if another transaction did first. */
  public Uni<Boolean> attribute(SqlClient sql, String orderId, AttributionRule.Winner w, long windowSeconds) {
    return sql.preparedQuery("UPDATE order_attribution SET click_id = $2, code_id = $3, click_at = $4, matched_by = $5, window_seconds = $6 "
            + "WHERE order_id = $1 AND click_id IS NULL")
        .execute(Tuple.of(orderId, w.click().clickId(), w.click().codeId(), odt(w.click().at()), w.matchedBy(), windowSeconds))
        .map(r -> r.rowCount() == 1);
  }

  /** A commission's row. */
  public record CommissionRow(String orderId, String sellerId, UUID codeId, String currency, long baseMinor, long amountMinor, String lines,
      String status, long clawbackMinor, Instant accruedAt, Instant locksAt, Instant lockedAt, Instant paidAt, Instant reversedAt,
      int version) {
  }

  private static final String COMMISSION = "order_id, seller_id, code_id, currency, base_minor, amount_minor, lines, status, clawback_minor, "
      + "accrued_at, locks_at, locked_at, paid_at, reversed_at, version";

  /** Credits an order's commission once: false when it exists already (the primary key: never twice). */
  public Uni<Boolean> accrue(SqlClient sql, CommissionRow c) {
    return sql.preparedQuery("INSERT INTO commission(order_id, seller_id, code_id, currency, base_minor, amount_minor, lines, status, accrued_at, "
            + "locks_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'PENDING', $8, $9) ON CONFLICT DO NOTHING")
        .execute(Tuple.from(new Object[] {c.orderId(), c.sellerId(), c.codeId(), c.currency(), c.baseMinor(), c.amountMinor(), c.lines(),
            odt(c.accruedAt()), odt(c.locksAt())}))
        .map(r -> r.rowCount() == 1);
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

  private static List<AttributionRule.Candidate> candidates(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
    List<AttributionRule.Candidate> out = new ArrayList<>();
    rows.forEach(r -> out.add(new AttributionRule.Candidate(r.getUUID(0), r.getUUID(1), r.getString(2), instant(r.getOffsetDateTime(3)))));
    return out;
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
