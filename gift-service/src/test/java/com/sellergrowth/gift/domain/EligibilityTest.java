package com.sellergrowth.gift.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GFT-1: every unmet condition, with the seller's value and the bar; each bar exactly at its edge. */
class EligibilityTest {
  private final Eligibility rules = new Eligibility(3, 9_500, 50);

  private static SellerProfile profile(String entity, boolean bound, boolean kyc, int level, int positiveBp, int disputeBp) {
    return new SellerProfile("s1", entity, true, bound, kyc, level, positiveBp, disputeBp);
  }

  @Test
  void aSellerAtEveryBarIsEligible_GFT1() {
    assertThat(rules.unmet(profile("ENTERPRISE", true, true, 3, 9_500, 50))).isEmpty();
  }

  @Test
  void everyUnmetConditionIsListedWithTheValueAndTheBar_GFT1() {
    var unmet = rules.unmet(profile("INDIVIDUAL", true, true, 2, 9_499, 51));
    assertThat(unmet).extracting(Eligibility.Unmet::code)
        .containsExactly("GFT_STORE_LEVEL", "GFT_POSITIVE_RATING", "GFT_DISPUTE_RATE", "GFT_PAYMENT_ACCOUNT");
    assertThat(unmet.get(0)).isEqualTo(new Eligibility.Unmet("GFT_STORE_LEVEL", "store level", "L2", "at least L3"));
    assertThat(unmet.get(1)).isEqualTo(new Eligibility.Unmet("GFT_POSITIVE_RATING", "90-day positive rating", "94.99%", "at least 95.00%"));
    assertThat(unmet.get(2)).isEqualTo(new Eligibility.Unmet("GFT_DISPUTE_RATE", "30-day dispute rate", "0.51%", "at most 0.50%"));
    assertThat(unmet.get(3).value()).isEqualTo("account of an individual seller");
  }

  @Test
  void thePaymentAccountMustBeBoundAndVerified_GFT1() {
    assertThat(rules.unmet(profile("ENTERPRISE", false, true, 5, 10_000, 0))).singleElement()
        .satisfies(u -> assertThat(u.value()).isEqualTo("no payment account bound"));
    assertThat(rules.unmet(profile("ENTERPRISE", true, false, 5, 10_000, 0))).singleElement()
        .satisfies(u -> assertThat(u.value()).isEqualTo("payment account not verified"));
  }

  @Test
  void aSellerNeverDescribedIsUnknown() {
    assertThat(rules.unmet(null)).extracting(Eligibility.Unmet::code).containsExactly("GFT_SELLER_UNKNOWN");
  }

  @Test
  void percentagesKeepTwoDecimals() {
    assertThat(Eligibility.percent(9_549)).isEqualTo("95.49%");
    assertThat(Eligibility.percent(5)).isEqualTo("0.05%");
    assertThat(Eligibility.percent(10_000)).isEqualTo("100.00%");
  }
}
