package com.sellergrowth.coupon.persistence;

import com.sellergrowth.coupon.domain.ProductPool;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Native queries of the reporting and event paths. They run in the caller's session (inside its transaction when there is
 * one) and return plain values.
 */
@ApplicationScoped
public class CouponQueries {
  private static final String SEP = "\u001f";

  /** Lowest and average known price of a seller's products in a pool (CPN-4, CPN-15). {@code [min, avg]}, or null if none is priced. */
  public Uni<long[]> poolPrices(String sellerId, ProductPool pool) {
    String sql = "SELECT min(price_minor), avg(price_minor)::bigint FROM sku_stock WHERE seller_id = ?1 AND price_minor IS NOT NULL"
        + " AND (spu_id = ANY(string_to_array(?2, chr(31))) OR category_id = ANY(string_to_array(?3, chr(31)))"
        + " OR brand_id = ANY(string_to_array(?4, chr(31))))";
    return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
        .setParameter(1, sellerId).setParameter(2, String.join(SEP, pool.spus())).setParameter(3, String.join(SEP, pool.categories()))
        .setParameter(4, String.join(SEP, pool.brands())).getResultList())
        .map(rows -> rows.isEmpty() || rows.get(0)[0] == null ? null : new long[] {num(rows.get(0)[0]), num(rows.get(0)[1])});
  }

  /** Records a refusal; answers whether it is new (a redemption is refused once per claim's coupon, buyer and order). */
  public Uni<Boolean> insertRefusal(UUID couponId, String buyerId, String stage, String code, String country, String ip, String orderId,
      Instant at) {
    String sql = "INSERT INTO claim_refusal(coupon_id, buyer_id, stage, code, buyer_country, ip, order_id, refused_at)"
        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING";
    return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter(1, couponId).setParameter(2, buyerId)
        .setParameter(3, stage).setParameter(4, code).setParameter(5, country).setParameter(6, ip).setParameter(7, orderId)
        .setParameter(8, odt(at)).executeUpdate()).map(rows -> rows == 1);
  }

  /** An open risk decision holding a coupon paused (CPN-17). */
  public record RiskHold(String decisionId, String reason) {
  }

  /** Records that a risk decision holds the coupon paused; once per decision. */
  public Uni<Void> addRiskHold(UUID couponId, String decisionId, String reason, Instant at) {
    String sql = "INSERT INTO coupon_risk_hold(coupon_id, decision_id, reason, held_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING";
    return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter(1, couponId).setParameter(2, decisionId)
        .setParameter(3, reason).setParameter(4, odt(at)).executeUpdate()).replaceWithVoid();
  }

  /** What lifting a decision's hold left: whether it held the coupon, and the decisions still holding it, oldest first. */
  public record HoldsLeft(boolean removed, List<RiskHold> remaining) {
  }

  public Uni<HoldsLeft> removeRiskHold(UUID couponId, String decisionId) {
    String delete = "DELETE FROM coupon_risk_hold WHERE coupon_id = ?1 AND decision_id = ?2";
    String left = "SELECT decision_id, reason FROM coupon_risk_hold WHERE coupon_id = ?1 ORDER BY held_at, decision_id";
    return Panache.getSession().chain(s -> s.createNativeQuery(delete).setParameter(1, couponId).setParameter(2, decisionId).executeUpdate()
        .chain(removed -> s.createNativeQuery(left, Object[].class).setParameter(1, couponId).getResultList()
            .map(rows -> new HoldsLeft(removed > 0, rows.stream().map(r -> new RiskHold((String) r[0], (String) r[1])).toList()))));
  }

  /** A refusal row for claim details (CPN-10). */
  public record RefusalRow(String buyerId, String stage, String code, String buyerCountry, String orderId, Instant refusedAt) {
  }

  public Uni<List<RefusalRow>> refusals(UUID couponId, int page, int size) {
    String sql = "SELECT buyer_id, stage, code, buyer_country, order_id, (extract(epoch from refused_at) * 1000)::bigint FROM claim_refusal"
        + " WHERE coupon_id = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3";
    return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter(1, couponId).setParameter(2, size)
        .setParameter(3, page * size).getResultList())
        .map(rows -> rows.stream().map(r -> new RefusalRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
            Instant.ofEpochMilli(num(r[5])))).toList());
  }

  /** Per-variant claim and redemption figures (CPN-15, CPN-16); the key "" is the coupon without variants. */
  public record Figures(long claims, long redemptions, long gmvMinor, long discountMinor) {
  }

  public Uni<Map<String, Figures>> figuresByVariant(UUID couponId) {
    String sql = "SELECT coalesce(variant, ''), count(*), count(*) FILTER (WHERE status = 'REDEEMED'),"
        + " coalesce(sum(order_amount_minor) FILTER (WHERE status = 'REDEEMED'), 0), coalesce(sum(discount_minor) FILTER (WHERE status = 'REDEEMED'), 0)"
        + " FROM coupon_claim WHERE coupon_id = ?1 GROUP BY 1 ORDER BY 1";
    return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter(1, couponId).getResultList())
        .map(rows -> {
          Map<String, Figures> out = new LinkedHashMap<>();
          for (Object[] r : rows) {
            out.put((String) r[0], new Figures(num(r[1]), num(r[2]), num(r[3]), num(r[4])));
          }
          return out;
        });
  }

  public Uni<Map<String, Long>> refusalsByCode(UUID couponId) {
    String sql = "SELECT code, count(*) FROM claim_refusal WHERE coupon_id = ?1 GROUP BY code ORDER BY code";
    return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter(1, couponId).getResultList())
        .map(rows -> {
          Map<String, Long> out = new LinkedHashMap<>();
          for (Object[] r : rows) {
            out.put((String) r[0], num(r[1]));
          }
          return out;
        });
  }

  /**
   * CPN-12: the buyer paid another order of the seller at or before {@code at} (event time: an order paid later whose event
   * was read first does not make an earlier one "not first"; one paid at the same instant counts, erring towards the rule).
   */
  public Uni<Boolean> buyerHadOrderWithSellerBefore(String buyerId, String sellerId, String exceptOrderId, Instant at) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
            "SELECT count(*) FROM buyer_order WHERE buyer_id = ?1 AND seller_id = ?2 AND order_id <> ?3 AND paid_at <= ?4", Long.class)
        .setParameter(1, buyerId).setParameter(2, sellerId).setParameter(3, exceptOrderId).setParameter(4, odt(at)).getSingleResult())
        .map(n -> num(n) > 0);
  }

  /** CPN-12: the buyer's first-order redemption with the seller is this order's (taken now, or already by this order). */
  public Uni<Boolean> takeFirstOrder(String buyerId, String sellerId, String orderId) {
    return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO first_order_redemption(buyer_id, seller_id, order_id)"
            + " VALUES (?1, ?2, ?3) ON CONFLICT (buyer_id, seller_id) DO UPDATE SET order_id = first_order_redemption.order_id"
            + " RETURNING order_id", String.class).setParameter(1, buyerId).setParameter(2, sellerId).setParameter(3, orderId)
        .getSingleResult()).map(orderId::equals);
  }

  /** A coupon's status and who paused it as they were at {@code at} (V6), or null before its first recorded state. */
  public Uni<Object[]> statusAt(UUID couponId, Instant at) {
    return Panache.getSession().chain(s -> s.createNativeQuery("SELECT status, paused_by FROM coupon_status_change WHERE coupon_id = ?1"
            + " AND at <= ?2 ORDER BY at DESC, seq DESC LIMIT 1", Object[].class).setParameter(1, couponId).setParameter(2, odt(at))
        .getResultList()).map(rows -> rows.isEmpty() ? null : rows.get(0));
  }

  public Uni<Void> recordPaidOrder(String orderId, String buyerId, String sellerId, Instant paidAt) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
            "INSERT INTO buyer_order(order_id, buyer_id, seller_id, paid_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
        .setParameter(1, orderId).setParameter(2, buyerId).setParameter(3, sellerId).setParameter(4, odt(paidAt)).executeUpdate())
        .replaceWithVoid();
  }

  public static OffsetDateTime odt(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  static long num(Object o) {
    return ((Number) o).longValue();
  }
}
