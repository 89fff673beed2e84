package com.sellergrowth.coupon.domain;

/**
 * Explicit bounds of the money and counts coupon-service accepts (issue 15, SPEC section 9): no amount a seller, a storefront
 * or an order event can send is near 2^63, so no product or sum of them can overflow. The same ceiling as gift- and
 * attribution-service: 10^12 minor units (10 billion of the currency) per amount.
 */
public final class MoneyBounds {
  /** The largest amount in minor units: a face value, a budget, a unit price, a line, an order. */
  public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;
  /** The most units of one line of an order. */
  public static final int MAX_LINE_QUANTITY = 100_000;
  /** The most lines of one order (a checkout quote or an order event). */
  public static final int MAX_LINES = 500;

  public static boolean amount(long minor) {
    return minor >= 0 && minor <= MAX_AMOUNT_MINOR;
  }

  private MoneyBounds() {
  }
}
