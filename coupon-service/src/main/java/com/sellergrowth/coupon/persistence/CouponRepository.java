package com.sellergrowth.coupon.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@WithSession
@ApplicationScoped
public class CouponRepository implements PanacheRepositoryBase<Coupon, UUID> {

  /** The seller's coupon, or null: another seller's coupon is indistinguishable from a missing one. */
  public Uni<Coupon> findOwned(UUID id, String sellerId) {
    return find("id = :id and sellerId = :seller", Parameters.with("id", id).and("seller", sellerId)).firstResult();
  }

  public Uni<List<Coupon>> listOwned(String sellerId, String status, int page, int size) {
    Sort sort = Sort.descending("createdAt").and("id");
    if (status == null) {
      return find("sellerId", sort, sellerId).page(Page.of(page, size)).list();
    }
    return find("sellerId = :seller and status = :status", sort, Parameters.with("seller", sellerId).and("status", status))
        .page(Page.of(page, size)).list();
  }

  public Uni<List<Coupon>> byIds(List<UUID> ids) {
    return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
  }

  /** Coupons still marked SCHEDULED/ACTIVE/PAUSED whose validity ended before {@code now}. */
  public Uni<List<Coupon>> endedBefore(Instant now, int limit) {
    return find("status in ('SCHEDULED', 'ACTIVE', 'PAUSED') and endsAt <= ?1", now).page(Page.ofSize(limit)).list();
  }
}
