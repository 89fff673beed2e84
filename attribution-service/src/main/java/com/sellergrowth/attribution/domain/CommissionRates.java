package com.sellergrowth.attribution.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ATR-7: commission is a category rate between 5% and 12% (500 to 1200 basis points, configuration) of an attributed paid
 * order's goods, computed exactly in minor units of the order's currency: per line, quantity x unit price x rate / 10,000,
 * rounded half up to the minor unit; the order's commission is the sum of its lines. Amounts are bounded: a line or an order
 * past {@link #MAX_AMOUNT_MINOR} is refused (no overflow, no absurd payout).
 */
public final class CommissionRates {
  public static final int MIN_BP = 500;
  public static final int MAX_BP = 1200;
  /** Largest goods amount of one line or one order, in minor units (10^12: ten billion in major units). */
  public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

  private final Map<String, Integer> byCategory;
  private final int defaultBp;

  private CommissionRates(Map<String, Integer> byCategory, int defaultBp) {
    this.byCategory = Map.copyOf(byCategory);
    this.defaultBp = defaultBp;
  }

  /** {@code category:bp,...} and the default rate; refuses (at start-up) any rate outside 500..1200. */
  public static CommissionRates parse(String spec, int defaultBp) {
    checkRate("default", defaultBp);
    Map<String, Integer> rates = new LinkedHashMap<>();
    if (spec != null && !spec.isBlank()) {
      for (String entry : spec.split(",")) {
        String[] kv = entry.trim().split(":");
        if (kv.length != 2 || kv[0].isBlank()) {
          throw new IllegalArgumentException("attribution.commission.category-rates: each entry is category:basisPoints");
        }
        int bp;
        try {
          bp = Integer.parseInt(kv[1].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("attribution.commission.category-rates: " + kv[0] + " has no whole number of basis points", e);
        }
        checkRate(kv[0], bp);
        rates.put(kv[0].trim(), bp);
      }
    }
    return new CommissionRates(rates, defaultBp);
  }

  private static void checkRate(String what, int bp) {
    if (bp < MIN_BP || bp > MAX_BP) {
      throw new IllegalArgumentException("commission rate of " + what + " is " + bp + " bp; ATR-7 allows 500 to 1200 (5% to 12%)");
    }
  }

  public int rateOf(String categoryId) {
    return byCategory.getOrDefault(categoryId, defaultBp);
  }

  /** One order line as the commission sees it. */
  public record Line(String sku, String categoryId, long quantity, long unitPriceMinor) {
  }

  /** One line's commission: its goods, the rate applied and the amount. */
  public record LineCommission(String sku, String categoryId, long goodsMinor, int rateBp, long amountMinor) {
  }

  /** The commission of an order: the goods base, the amount, and every line's part. */
  public record Calculation(long baseMinor, long amountMinor, List<LineCommission> lines) {
  }

  /** Computes an order's commission; throws {@link IllegalArgumentException} for a negative or out-of-bounds amount. */
  public Calculation calculate(List<Line> lines) {
    List<LineCommission> parts = new ArrayList<>();
    long base = 0;
    long amount = 0;
    for (Line l : lines) {
      if (l.quantity() <= 0 || l.unitPriceMinor() < 0) {
        throw new IllegalArgumentException("line " + l.sku() + ": quantity must be positive and the price not negative");
      }
      BigInteger goods = BigInteger.valueOf(l.quantity()).multiply(BigInteger.valueOf(l.unitPriceMinor()));
      if (goods.compareTo(BigInteger.valueOf(MAX_AMOUNT_MINOR)) > 0) {
        throw new IllegalArgumentException("line " + l.sku() + ": goods over " + MAX_AMOUNT_MINOR + " minor units");
      }
      long goodsMinor = goods.longValueExact();
      int bp = rateOf(l.categoryId());
      long lineAmount = (goodsMinor * bp + 5_000) / 10_000; // half up; goods <= 10^12 and bp <= 1200: no overflow
      base += goodsMinor;
      if (base > MAX_AMOUNT_MINOR) {
        throw new IllegalArgumentException("order goods over " + MAX_AMOUNT_MINOR + " minor units");
      }
      amount += lineAmount;
      parts.add(new LineCommission(l.sku(), l.categoryId(), goodsMinor, bp, lineAmount));
    }
    return new Calculation(base, amount, List.copyOf(parts));
  }
}
