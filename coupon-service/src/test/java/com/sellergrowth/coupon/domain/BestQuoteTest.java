package com.sellergrowth.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BestQuoteTest {

  // CPN-13
  @Test
  void nonExclusiveCouponsOfDifferentGroupsCombineAndBeatASmallerExclusiveOne_CPN13() {
    var exclusive = new QuoteCandidate("cl-1", "c1", "default", true, 6_00);
    var a = new QuoteCandidate("cl-2", "c2", "store", false, 4_00);
    var b = new QuoteCandidate("cl-3", "c3", "category", false, 3_00);
    var sameGroupSmaller = new QuoteCandidate("cl-4", "c4", "store", false, 1_00);
    BestQuote.Selection s = BestQuote.choose(List.of(exclusive, a, b, sameGroupSmaller), 100_00);
    assertThat(s.coupons()).extracting(QuoteCandidate::claimId).containsExactly("cl-2", "cl-3");
    assertThat(s.totalDiscountMinor()).isEqualTo(7_00);
  }

  @Test
  void aBiggerExclusiveCouponStandsAlone() {
    var exclusive = new QuoteCandidate("cl-1", "c1", "default", true, 9_00);
    var a = new QuoteCandidate("cl-2", "c2", "store", false, 4_00);
    BestQuote.Selection s = BestQuote.choose(List.of(exclusive, a), 100_00);
    assertThat(s.coupons()).extracting(QuoteCandidate::claimId).containsExactly("cl-1");
  }

  @Test
  void theTotalNeverExceedsTheOrderAmount() {
    var a = new QuoteCandidate("cl-2", "c2", "store", false, 4_00);
    var b = new QuoteCandidate("cl-3", "c3", "category", false, 3_00);
    assertThat(BestQuote.choose(List.of(a, b), 5_00).totalDiscountMinor()).isEqualTo(5_00);
    assertThat(BestQuote.choose(List.of(), 5_00).coupons()).isEmpty();
  }
}
