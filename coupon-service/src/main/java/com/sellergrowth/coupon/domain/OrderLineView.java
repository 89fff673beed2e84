package com.sellergrowth.coupon.domain;

/** An order line as the coupon rules see it. */
public record OrderLineView(String spuId, String categoryId, String brandId, int quantity, long unitPriceMinor) {
  /** The line's amount; callers bound their inputs ({@link MoneyBounds}), and an overflow past them fails rather than wraps. */
  public long amountMinor() {
    return Math.multiplyExact(unitPriceMinor, (long) quantity);
  }
}
