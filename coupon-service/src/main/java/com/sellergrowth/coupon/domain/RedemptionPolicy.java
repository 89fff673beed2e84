package com.sellergrowth.coupon.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** CPN-13: whether an order may use a claim, and the discount it gets. Pure. */
public final class RedemptionPolicy {

  /** The refusal, or empty when the order may use the coupon. */
  public static Optional<RefusalCode> check(CouponTerms t, String orderSellerId, String orderCurrency, List<OrderLineView> lines,
      String logisticsService, boolean buyerHadEarlierOrderWithSeller, Instant orderTime) {
    CouponStatus status = CouponStatus.effective(t.storedStatus(), t.startsAt(), t.endsAt(), orderTime);
    if (status == CouponStatus.EXPIRED) {
      return Optional.of(RefusalCode.ERR_COUPON_EXPIRED);
    }
    if (status == CouponStatus.ENDED || status == CouponStatus.DRAFT || status == CouponStatus.SCHEDULED) {
      return Optional.of(RefusalCode.ERR_COUPON_ENDED);
    }
    if (status == CouponStatus.PAUSED && "RISK".equals(t.pausedBy())) {
      return Optional.of(RefusalCode.ERR_COUPON_PAUSED); // a risk pause stops redemption too; a seller's pause only stops new claims
    }
    if (!t.sellerId().equals(orderSellerId) || !t.currency().equals(orderCurrency)) {
      return Optional.of(RefusalCode.ERR_CLAIM_NOT_USABLE);
    }
    long poolAmount = poolAmount(t.pool(), lines);
    if (poolAmount == 0) {
      return Optional.of(RefusalCode.ERR_POOL);
    }
    if (poolAmount < t.minOrderMinor()) {
      return Optional.of(RefusalCode.ERR_MIN_AMOUNT);
    }
    if (t.logisticsRestricted() && !CouponTerms.OFFICIAL_LOGISTICS.contains(logisticsService)) { // CPN-11
      return Optional.of(RefusalCode.ERR_LOGISTICS);
    }
    if (t.firstOrderOnly() && buyerHadEarlierOrderWithSeller) { // CPN-12
      return Optional.of(RefusalCode.ERR_NOT_FIRST_ORDER);
    }
    return Optional.empty();
  }

  /** The discount: the face value, never more than the pool products' amount. */
  public static long discount(long faceValueMinor, ProductPool pool, List<OrderLineView> lines) {
    return Math.min(faceValueMinor, poolAmount(pool, lines));
  }

  public static long poolAmount(ProductPool pool, List<OrderLineView> lines) {
    return lines.stream().filter(l -> pool.contains(l.spuId(), l.categoryId(), l.brandId())).mapToLong(OrderLineView::amountMinor).reduce(0L, Math::addExact);
  }

  private RedemptionPolicy() {
  }
}
