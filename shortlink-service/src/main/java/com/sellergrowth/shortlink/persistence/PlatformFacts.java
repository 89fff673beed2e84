package com.sellergrowth.shortlink.persistence;

import com.sellergrowth.shortlink.domain.SellerProfile;
import com.sellergrowth.shortlink.domain.SkuState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Seller profiles and SKU stock from the platform's topics; the latest by event time wins, so redelivery and replay are harmless. */
@ApplicationScoped
public class PlatformFacts {

  public Uni<Void> upsertSeller(String sellerId, String entityType, boolean verified, Instant lastSeriousViolationAt, Instant asOf) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
            INSERT INTO seller_profile(seller_id, entity_type, verified, last_serious_violation_at, as_of) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (seller_id) DO UPDATE SET entity_type = EXCLUDED.entity_type, verified = EXCLUDED.verified,
              last_serious_violation_at = EXCLUDED.last_serious_violation_at, as_of = EXCLUDED.as_of
            WHERE seller_profile.as_of <= EXCLUDED.as_of""")
        .setParameter(1, sellerId).setParameter(2, entityType).setParameter(3, verified).setParameter(4, lastSeriousViolationAt)
        .setParameter(5, asOf).executeUpdate()).replaceWithVoid();
  }

  public Uni<SellerProfile> seller(String sellerId) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
            "SELECT entity_type, verified, last_serious_violation_at FROM seller_profile WHERE seller_id = ?1", Object[].class)
        .setParameter(1, sellerId).getResultList())
        .map(rows -> rows.isEmpty() ? null
            : new SellerProfile((String) rows.get(0)[0], (Boolean) rows.get(0)[1], instant(rows.get(0)[2])));
  }

  /** Applies a stock observation unless a later one is stored; the SKU's state after it. */
  public Uni<SkuState> upsertStock(String sku, String sellerId, long quantity, boolean listed, Instant observedAt) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
            INSERT INTO sku_stock(sku, seller_id, quantity, listed, observed_at) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (sku) DO UPDATE SET seller_id = EXCLUDED.seller_id, quantity = EXCLUDED.quantity, listed = EXCLUDED.listed,
              observed_at = EXCLUDED.observed_at
            WHERE sku_stock.observed_at <= EXCLUDED.observed_at""")
        .setParameter(1, sku).setParameter(2, sellerId).setParameter(3, quantity).setParameter(4, listed).setParameter(5, observedAt)
        .executeUpdate()
        .chain(() -> s.createNativeQuery("SELECT listed, quantity, observed_at FROM sku_stock WHERE sku = ?1", Object[].class)
            .setParameter(1, sku).getSingleResult()))
        .map(r -> new SkuState((Boolean) r[0], ((Number) r[1]).longValue(), instant(r[2])));
  }

  private static Instant instant(Object o) {
    return o == null ? null : o instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) o;
  }
}
