package com.sellergrowth.coupon.api;

import com.sellergrowth.coupon.domain.CouponInsights;
import com.sellergrowth.coupon.persistence.CouponQueries.Figures;
import com.sellergrowth.coupon.service.CouponService.Analytics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPN-15/16 figures of a coupon. {@code redemptionRate} = redemptions / claims; {@code conversion} = claims / claim attempts
 * (claims plus claim refusals). Money in minor units of {@code currency}.
 */
public record AnalyticsResponse(String couponId, String currency, long claims, long claimRefusals, Map<String, Long> refusalsByCode,
    long redemptions, BigDecimal redemptionRate, BigDecimal conversion, long gmvMinor, long discountCostMinor, long averagePoolPriceMinor,
    List<VariantFigures> variants, List<CouponInsights.Warning> warnings) {

  /** One A/B variant's figures. */
  public record VariantFigures(String variant, long claims, long redemptions, BigDecimal redemptionRate, long gmvMinor, long discountCostMinor) {
  }

  static AnalyticsResponse of(Analytics a) {
    long claims = a.byVariant().values().stream().mapToLong(Figures::claims).sum();
    long redemptions = a.byVariant().values().stream().mapToLong(Figures::redemptions).sum();
    long gmv = a.byVariant().values().stream().mapToLong(Figures::gmvMinor).sum();
    long cost = a.byVariant().values().stream().mapToLong(Figures::discountMinor).sum();
    long refusals = a.refusalsByCode().values().stream().mapToLong(Long::longValue).sum();
    List<VariantFigures> variants = new ArrayList<>();
    a.byVariant().forEach((name, f) -> {
      if (!name.isEmpty()) {
        variants.add(new VariantFigures(name, f.claims(), f.redemptions(), ratio(f.redemptions(), f.claims()), f.gmvMinor(), f.discountMinor()));
      }
    });
    return new AnalyticsResponse(a.coupon().id.toString(), a.coupon().currency, claims, refusals, a.refusalsByCode(), redemptions,
        ratio(redemptions, claims), ratio(claims, claims + refusals), gmv, cost, a.averagePoolPriceMinor(), variants, a.warnings());
  }

  private static BigDecimal ratio(long part, long whole) {
    return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
  }
}
