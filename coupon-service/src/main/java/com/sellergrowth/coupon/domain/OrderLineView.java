package com.sellergrowth.coupon.domain;

/** An order line as the coupon rules see it. */
public record OrderLineView(String spuId, String categoryId, String brandId, int quantity, long unitPriceMinor) {
  public long amountMinor() {
    return unitPriceMinor * quantity;
  }
}
