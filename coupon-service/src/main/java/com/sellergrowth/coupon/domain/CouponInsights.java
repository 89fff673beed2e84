package com.sellergrowth.coupon.domain;

import java.util.ArrayList;
import java.util.List;

/** CPN-15 warnings for a seller. Pure. */
public final class CouponInsights {
  public static final int FACE_VALUE_LOW_BP = 800;
  public static final int FACE_VALUE_HIGH_BP = 1200;
  public static final int MAX_COST_SHARE_OF_MARGIN_BP = 3000;

  public record Warning(String code, String message) {
  }

  /**
   * @param averagePoolPriceMinor average price of the pool's known products, or 0 if none is known
   * @param grossMarginBp the seller's gross margin on the pool, null when not given
   */
  public static List<Warning> warnings(long faceValueMinor, long averagePoolPriceMinor, Integer grossMarginBp, long gmvMinor,
      long discountCostMinor) {
    List<Warning> warnings = new ArrayList<>();
    if (averagePoolPriceMinor > 0) {
      long low = averagePoolPriceMinor * FACE_VALUE_LOW_BP / 10_000;
      long high = averagePoolPriceMinor * FACE_VALUE_HIGH_BP / 10_000;
      if (faceValueMinor < low || faceValueMinor > high) {
        warnings.add(new Warning("WARN_FACE_VALUE_RANGE", "the face value is outside 8-12% of the average item price ("
            + averagePoolPriceMinor + "); coupons in that range convert best"));
      }
    }
    if (grossMarginBp != null && gmvMinor > 0) {
      long grossMargin = gmvMinor * grossMarginBp / 10_000;
      if (discountCostMinor * 10_000 > grossMargin * MAX_COST_SHARE_OF_MARGIN_BP) {
        warnings.add(new Warning("WARN_COST_OVER_MARGIN", "the discount cost exceeds 30% of the gross margin on coupon orders"));
      }
    }
    return warnings;
  }

  private CouponInsights() {
  }
}
