package com.sellergrowth.coupon.api;

import com.sellergrowth.coupon.domain.CouponStatus;
import com.sellergrowth.coupon.persistence.Coupon;
import com.sellergrowth.coupon.service.CouponMapper;
import java.time.Instant;
import java.util.List;

/** A coupon as its seller sees it; {@code status} is the effective status now. */
public record CouponResponse(String id, String name, String type, String currency, long faceValueMinor, long minOrderMinor, Instant startsAt,
    Instant endsAt, long totalQuantity, Long budgetMinor, List<String> targetCountries, CreateCouponRequest.PoolDto pool,
    boolean logisticsRestricted, boolean firstOrderOnly, boolean stackableWithPlatform, String stackingGroup, boolean exclusive,
    Integer grossMarginBp, List<CreateCouponRequest.VariantDto> variants, String status, String pausedBy, String pauseReason,
    String riskDecisionId, Instant createdAt) {

  static CouponResponse of(Coupon c, Instant now) {
    return new CouponResponse(c.id.toString(), c.name, c.type, c.currency, c.faceValueMinor, c.minOrderMinor, c.startsAt, c.endsAt,
        c.totalQuantity, c.budgetMinor, List.of(c.targetCountries),
        new CreateCouponRequest.PoolDto(List.of(c.poolSpus), List.of(c.poolCategories), List.of(c.poolBrands)), c.logisticsRestricted,
        c.firstOrderOnly, c.stackableWithPlatform, c.stackingGroup, c.exclusive, c.grossMarginBp,
        CouponMapper.variants(c.variantsJson).stream().map(v -> new CreateCouponRequest.VariantDto(v.name(), v.weight(), v.faceValueMinor()))
            .toList(),
        CouponStatus.effective(CouponStatus.valueOf(c.status), c.startsAt, c.endsAt, now).name(), c.pausedBy, c.pauseReason, c.riskDecisionId,
        c.createdAt);
  }
}
