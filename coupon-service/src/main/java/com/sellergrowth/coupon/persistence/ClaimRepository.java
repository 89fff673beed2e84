package com.sellergrowth.coupon.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@WithSession
@ApplicationScoped
public class ClaimRepository implements PanacheRepositoryBase<CouponClaim, UUID> {

  public Uni<List<CouponClaim>> ofCoupon(UUID couponId, String status, int page, int size) {
    Sort sort = Sort.descending("claimedAt").and("id");
    if (status == null) {
      return find("couponId", sort, couponId).page(Page.of(page, size)).list();
    }
    return find("couponId = :c and status = :s", sort, Parameters.with("c", couponId).and("s", status)).page(Page.of(page, size)).list();
  }

  public Uni<List<CouponClaim>> byIds(List<UUID> ids) {
    return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
  }

  public Uni<List<CouponClaim>> redeemedByOrder(String orderId) {
    return list("orderId = ?1 and status = 'REDEEMED'", orderId);
  }

  public Uni<List<CouponClaim>> unusedOfBuyer(String buyerId) {
    return list("buyerId = ?1 and status = 'UNUSED'", buyerId);
  }
}
