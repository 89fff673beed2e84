package com.sellergrowth.coupon.persistence;

import static com.sellergrowth.coupon.persistence.CouponQueries.odt;

import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Facts other platform services publish, kept as coupon-service needs them. Every write is an upsert that ignores older news. */
@ApplicationScoped
public class PlatformFacts {

  /** CPN-8: the newest observation of a SKU wins; an older one arriving late changes nothing. */
  public Uni<Void> upsertStock(StockSyncedV1 e, Instant syncedAt, boolean late) {
    String sql = "INSERT INTO sku_stock(sku, seller_id, spu_id, category_id, brand_id, quantity, listed, price_minor, currency, observed_at,"
        + " synced_at, late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
        + " ON CONFLICT (sku) DO UPDATE SET seller_id = EXCLUDED.seller_id, spu_id = EXCLUDED.spu_id, category_id = EXCLUDED.category_id,"
        + " brand_id = EXCLUDED.brand_id, quantity = EXCLUDED.quantity, listed = EXCLUDED.listed,"
        + " price_minor = coalesce(EXCLUDED.price_minor, sku_stock.price_minor), currency = coalesce(EXCLUDED.currency, sku_stock.currency),"
        + " observed_at = EXCLUDED.observed_at, synced_at = EXCLUDED.synced_at, late = EXCLUDED.late"
        + " WHERE sku_stock.observed_at <= EXCLUDED.observed_at";
    return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter(1, e.sku()).setParameter(2, e.sellerId())
        .setParameter(3, e.spuId()).setParameter(4, e.categoryId()).setParameter(5, e.brandId()).setParameter(6, e.quantity())
        .setParameter(7, e.listed()).setParameter(8, e.priceMinor()).setParameter(9, e.currency()).setParameter(10, odt(e.observedAt()))
        .setParameter(11, odt(syncedAt)).setParameter(12, late).executeUpdate()).replaceWithVoid();
  }

  /** CPN-9: one row per dispute that reached arbitration (a close that arrived first keeps it closed). */
  public Uni<Void> recordArbitration(String disputeId, String buyerId, Instant escalatedAt) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
            "INSERT INTO buyer_arbitration(dispute_id, buyer_id, escalated_at) VALUES (?1, ?2, ?3) ON CONFLICT (dispute_id)"
                + " DO UPDATE SET escalated_at = EXCLUDED.escalated_at WHERE buyer_arbitration.escalated_at IS NULL")
        .setParameter(1, disputeId).setParameter(2, buyerId).setParameter(3, odt(escalatedAt)).executeUpdate()).replaceWithVoid();
  }

  /** CPN-9: the dispute left arbitration; it no longer counts against the buyer (it may close before its escalation arrives). */
  public Uni<Void> closeDispute(String disputeId, String buyerId, Instant closedAt) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
            "INSERT INTO buyer_arbitration(dispute_id, buyer_id, escalated_at, closed_at) VALUES (?1, ?2, NULL, ?3) ON CONFLICT (dispute_id)"
                + " DO UPDATE SET closed_at = EXCLUDED.closed_at WHERE buyer_arbitration.closed_at IS NULL")
        .setParameter(1, disputeId).setParameter(2, buyerId).setParameter(3, odt(closedAt)).executeUpdate()).replaceWithVoid();
  }

  /** CPN-14: the newest profile snapshot by event time wins. */
  public Uni<Void> upsertSeller(SellerProfileUpdatedV1 e) {
    String sql = "INSERT INTO seller_profile(seller_id, entity_type, verified, payment_bound, payment_kyc_verified, event_time)"
        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (seller_id) DO UPDATE SET entity_type = EXCLUDED.entity_type,"
        + " verified = EXCLUDED.verified, payment_bound = EXCLUDED.payment_bound, payment_kyc_verified = EXCLUDED.payment_kyc_verified,"
        + " event_time = EXCLUDED.event_time WHERE seller_profile.event_time <= EXCLUDED.event_time";
    return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter(1, e.sellerId()).setParameter(2, e.entityType())
        .setParameter(3, e.verified()).setParameter(4, e.paymentAccountBound()).setParameter(5, e.paymentAccountKycVerified())
        .setParameter(6, odt(e.occurredAt())).executeUpdate()).replaceWithVoid();
  }

  /** The seller's eligibility facts {@code [entityType, verified, paymentBound, kycVerified]}, or null when unknown. */
  public Uni<Object[]> seller(String sellerId) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
            "SELECT entity_type, verified, payment_bound, payment_kyc_verified FROM seller_profile WHERE seller_id = ?1", Object[].class)
        .setParameter(1, sellerId).getResultList())
        .map(rows -> rows.isEmpty() ? null : rows.get(0));
  }
}
