package com.sellergrowth.gift.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GFT-10: ranks a seller's approved gifts for an order. Each gift's score is the weighted sum of three parts, each a share
 * from 0 to 1 computed from past events, kept in parts per million so the figures are exact and the explanation adds up:
 * <ul>
 *   <li>buyer: the share of the buyer's past paid orders with this seller that had a line in the gift's category (what the
 *       buyer does at other sellers is not this seller's to see, SPEC section 9);</li>
 *   <li>country: the share of the gifts shipped to the order's destination that were of the gift's category;</li>
 *   <li>heat: the category's paid orders in the recent window, relative to the hottest category's.</li>
 * </ul>
 * Ties go to the gift with more stock, then by name, then id, so the order is stable.
 */
public final class Ranking {
  private static final long PPM = 1_000_000L;

  /** A gift that may be ranked. */
  public record Candidate(UUID giftId, String name, String categoryId, long available) {
  }

  /**
   * What the ranking reads: the buyer's paid orders per category and in all; gifts shipped to the destination per category
   * and in all; paid orders per category in the heat window and the hottest category's count.
   */
  public record Facts(Map<String, Long> buyerOrdersByCategory, long buyerOrders, Map<String, Long> countryShippedByCategory,
      long countryShipped, Map<String, Long> heatByCategory, long hottest) {
  }

  /** One part of a score: its weight in percent, the figures it came from and its value in parts per million. */
  public record Part(String name, int weightPercent, long numerator, long denominator, long valuePpm, String explanation) {
  }

  public record Ranked(Candidate gift, long scorePpm, List<Part> parts) {
  }

  private final int buyerWeight;
  private final int countryWeight;
  private final int heatWeight;

  public Ranking(int buyerWeight, int countryWeight, int heatWeight) {
    if (buyerWeight < 0 || countryWeight < 0 || heatWeight < 0 || buyerWeight + countryWeight + heatWeight != 100) {
      throw new IllegalArgumentException("the recommendation weights are percentages that sum to 100");
    }
    this.buyerWeight = buyerWeight;
    this.countryWeight = countryWeight;
    this.heatWeight = heatWeight;
  }

  public List<Ranked> rank(List<Candidate> candidates, Facts f, String country) {
    List<Ranked> out = new ArrayList<>();
    for (Candidate c : candidates) {
      String cat = c.categoryId();
      long buyerN = f.buyerOrdersByCategory().getOrDefault(cat, 0L);
      long countryN = f.countryShippedByCategory().getOrDefault(cat, 0L);
      long heatN = f.heatByCategory().getOrDefault(cat, 0L);
      List<Part> parts = List.of(
          new Part("buyer", buyerWeight, buyerN, f.buyerOrders(), share(buyerN, f.buyerOrders()),
              "the buyer's past paid orders with you that had a line in " + cat + ": " + buyerN + " of " + f.buyerOrders()),
          new Part("country", countryWeight, countryN, f.countryShipped(), share(countryN, f.countryShipped()),
              "gifts of " + cat + " among the gifts shipped to " + country + ": " + countryN + " of " + f.countryShipped()),
          new Part("heat", heatWeight, heatN, f.hottest(), share(heatN, f.hottest()),
              "recent paid orders in " + cat + ": " + heatN + ", against " + f.hottest() + " in the hottest category"));
      long score = 0;
      for (Part p : parts) {
        score += p.weightPercent() * p.valuePpm();
      }
      out.add(new Ranked(c, score / 100, parts));
    }
    out.sort(Comparator.comparingLong(Ranked::scorePpm).reversed()
        .thenComparing(Comparator.comparingLong((Ranked r) -> r.gift().available()).reversed())
        .thenComparing(r -> r.gift().name()).thenComparing(r -> r.gift().giftId()));
    return out;
  }

  /** n / d in parts per million, 0 when d is 0; never above one million. */
  static long share(long n, long d) {
    if (d <= 0 || n <= 0) {
      return 0;
    }
    return Math.min(PPM, n * PPM / d);
  }
}
