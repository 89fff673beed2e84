package com.sellergrowth.coupon.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPN-13 checkout quote: the combination of applicable claims with the largest discount. Stacking (as Talon.One and
 * commercetools model it): an exclusive coupon is used alone; non-exclusive coupons combine, at most one per stacking group.
 * The total never exceeds the order amount. On a tie, fewer coupons win.
 */
public final class BestQuote {

  public record Selection(List<QuoteCandidate> coupons, long totalDiscountMinor) {
  }

  public static Selection choose(List<QuoteCandidate> candidates, long orderAmountMinor) {
    Comparator<QuoteCandidate> byDiscount = Comparator.comparingLong(QuoteCandidate::discountMinor).thenComparing(QuoteCandidate::claimId);
    Selection alone = candidates.stream().filter(QuoteCandidate::exclusive).max(byDiscount)
        .map(c -> new Selection(List.of(c), Math.min(c.discountMinor(), orderAmountMinor)))
        .orElse(new Selection(List.of(), 0));
    Map<String, QuoteCandidate> bestPerGroup = new LinkedHashMap<>();
    for (QuoteCandidate c : candidates) {
      if (!c.exclusive()) {
        bestPerGroup.merge(c.stackingGroup(), c, (a, b) -> byDiscount.compare(a, b) >= 0 ? a : b);
      }
    }
    List<QuoteCandidate> combined = new ArrayList<>(bestPerGroup.values());
    combined.sort(byDiscount.reversed());
    long sum = Math.min(combined.stream().mapToLong(QuoteCandidate::discountMinor).sum(), orderAmountMinor);
    Selection stacked = new Selection(List.copyOf(combined), sum);
    if (stacked.totalDiscountMinor() > alone.totalDiscountMinor()) {
      return stacked;
    }
    if (stacked.totalDiscountMinor() == alone.totalDiscountMinor() && stacked.coupons().size() < alone.coupons().size()) {
      return stacked;
    }
    return alone;
  }

  private BestQuote() {
  }
}
