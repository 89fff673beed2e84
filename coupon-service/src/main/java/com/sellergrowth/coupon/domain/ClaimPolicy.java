package com.sellergrowth.coupon.domain;

import java.time.Instant;
import java.util.Optional;

/** The claim rules that do not need the atomic counters (those are CPN-3's, in Redis). Pure. */
public final class ClaimPolicy {
  /** CPN-9: this many arbitrations in 30 days bars claims. */
  public static final int MAX_ARBITRATIONS = 2;

  public static Optional<RefusalCode> check(ClaimCheck c, Instant now) {
    CouponStatus status = CouponStatus.effective(c.storedStatus(), c.startsAt(), c.endsAt(), now);
    RefusalCode byStatus = switch (status) {
      case ACTIVE -> null;
      case SCHEDULED -> RefusalCode.ERR_COUPON_NOT_STARTED;
      case DRAFT -> RefusalCode.ERR_COUPON_NOT_FOUND;
      case PAUSED -> RefusalCode.ERR_COUPON_PAUSED;
      case ENDED -> RefusalCode.ERR_COUPON_ENDED;
      case EXPIRED -> RefusalCode.ERR_COUPON_EXPIRED;
    };
    if (byStatus != null) {
      return Optional.of(byStatus);
    }
    if (!c.targetCountries().contains(c.buyerCountry())) { // CPN-7
      return Optional.of(RefusalCode.ERR_COUPON_REGION);
    }
    if (c.arbitrations30d() >= MAX_ARBITRATIONS) { // CPN-9
      return Optional.of(RefusalCode.ERR_BUYER_DISPUTES);
    }
    if (c.firstOrderOnly() && c.buyerHasOrdersWithSeller()) { // CPN-12
      return Optional.of(RefusalCode.ERR_NOT_FIRST_ORDER);
    }
    if (c.poolSellableSkus() == 0 || c.poolStockStale()) { // CPN-8
      return Optional.of(RefusalCode.ERR_STOCK_SYNC_FAIL);
    }
    return Optional.empty();
  }

  private ClaimPolicy() {
  }
}
