package com.sellergrowth.attribution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ATR-7: 5% to 12% by category, exact in minor units, half up per line, bounded. */
class CommissionRatesTest {
  final CommissionRates rates = CommissionRates.parse("cat-fashion:1200, cat-electronics:500", 800);

  @Test
  void eachLineAtItsCategoryRateRoundedHalfUp() {
    CommissionRates.Calculation c = rates.calculate(List.of(new CommissionRates.Line("a", "cat-fashion", 3, 2_999),
        new CommissionRates.Line("b", "cat-electronics", 1, 10_010), new CommissionRates.Line("c", "cat-other", 1, 1_006)));
    // 8997 x 12% = 1079.64 -> 1080; 10010 x 5% = 500.5 -> 501; 1006 x 8% = 80.48 -> 80
    assertThat(c.lines()).extracting(CommissionRates.LineCommission::amountMinor).containsExactly(1080L, 501L, 80L);
    assertThat(c.lines()).extracting(CommissionRates.LineCommission::rateBp).containsExactly(1200, 500, 800);
    assertThat(c.baseMinor()).isEqualTo(8_997 + 10_010 + 1_006);
    assertThat(c.amountMinor()).isEqualTo(1_080 + 501 + 80);
  }

  @Test
  void amountsAreBoundedAndNeverOverflow() {
    assertThat(rates.calculate(List.of(new CommissionRates.Line("a", "cat-fashion", 1, CommissionRates.MAX_AMOUNT_MINOR))).amountMinor())
        .isEqualTo(120_000_000_000L);
    assertThatThrownBy(() -> rates.calculate(List.of(new CommissionRates.Line("a", "x", 2_147_483_647, Long.MAX_VALUE))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rates.calculate(List.of(new CommissionRates.Line("a", "x", 1, CommissionRates.MAX_AMOUNT_MINOR),
        new CommissionRates.Line("b", "x", 1, 1)))).hasMessageContaining("order goods");
    assertThatThrownBy(() -> rates.calculate(List.of(new CommissionRates.Line("a", "x", 0, 1)))).hasMessageContaining("quantity");
    assertThatThrownBy(() -> rates.calculate(List.of(new CommissionRates.Line("a", "x", 1, -1)))).hasMessageContaining("price");
    assertThat(rates.calculate(List.of()).amountMinor()).isZero();
    assertThat(rates.calculate(List.of(new CommissionRates.Line("free", "x", 1, 0))).amountMinor()).isZero();
  }

  @Test
  void ratesOutsideFiveToTwelvePercentAreRefusedAtStartUp() {
    assertThat(CommissionRates.parse("a:500,b:1200", 500).rateOf("b")).isEqualTo(1200);
    assertThat(CommissionRates.parse("", 1200).rateOf("x")).isEqualTo(1200);
    assertThatThrownBy(() -> CommissionRates.parse("a:499", 800)).hasMessageContaining("500 to 1200");
    assertThatThrownBy(() -> CommissionRates.parse("a:1201", 800)).hasMessageContaining("500 to 1200");
    assertThatThrownBy(() -> CommissionRates.parse("", 1201)).hasMessageContaining("default");
    assertThatThrownBy(() -> CommissionRates.parse("a:8.5", 800)).hasMessageContaining("whole number");
    assertThatThrownBy(() -> CommissionRates.parse("a", 800)).hasMessageContaining("category:basisPoints");
  }
}
