package com.sellergrowth.gift.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GFT-5, GFT-6: the seed's tariff, line by line, in CNY fen. */
class TariffTest {
  static final Tariff TARIFF = new Tariff("CNY", Map.of("mature", List.of("US", "FR", "DE"), "emerging", List.of("BR", "SA", "PL")),
      Map.of("mature", 320L, "emerging", 260L), 380, 50, 80, List.of("BR"), 150, List.of("EG", "PK"));

  @Test
  void eachMarketGroupHasItsBaseFee_GFT5() {
    assertThat(TARIFF.quote("US", 30, false).totalMinor()).isEqualTo(320);
    assertThat(TARIFF.quote("DE", 50, false).totalMinor()).isEqualTo(320);
    assertThat(TARIFF.quote("SA", 50, false).totalMinor()).isEqualTo(260);
    assertThat(TARIFF.quote("RU", 50, false).totalMinor()).isEqualTo(380);
    assertThat(TARIFF.quote("MX", 1, false).lines()).containsExactly(new Tariff.Line("BASE", "base fee, long-tail market", 380));
    assertThat(TARIFF.quote("FR", 1, false).lines()).containsExactly(new Tariff.Line("BASE", "base fee, mature market", 320));
    assertThat(TARIFF.quote("US", 1, false).currency()).isEqualTo("CNY");
    assertThat(TARIFF.currency()).isEqualTo("CNY");
  }

  @Test
  void over50GramsAdds80Fen_GFT5() {
    assertThat(TARIFF.quote("US", 50, false).totalMinor()).isEqualTo(320);
    Tariff.Quote q = TARIFF.quote("US", 51, false);
    assertThat(q.totalMinor()).isEqualTo(400);
    assertThat(q.lines().get(1)).isEqualTo(new Tariff.Line("OVERWEIGHT", "gift over 50 g (51 g)", 80));
  }

  @Test
  void brazilWithoutNfeAdds150Fen_GFT5() {
    assertThat(TARIFF.quote("BR", 60, false).lines()).extracting(Tariff.Line::code).containsExactly("BASE", "OVERWEIGHT", "NO_NFE");
    assertThat(TARIFF.quote("BR", 60, false).totalMinor()).isEqualTo(260 + 80 + 150);
    assertThat(TARIFF.quote("BR", 60, true).totalMinor()).isEqualTo(260 + 80);
    assertThat(TARIFF.quote("PL", 60, false).totalMinor()).isEqualTo(260 + 80);
    assertThat(TARIFF.needsNfe("BR")).isTrue();
    assertThat(TARIFF.needsNfe("PL")).isFalse();
  }

  @Test
  void cashOnDeliveryCountriesAreNotServed_GFT6() {
    assertThat(TARIFF.isCod("EG")).isTrue();
    assertThat(TARIFF.isCod("PK")).isTrue();
    assertThat(TARIFF.isCod("BR")).isFalse();
    assertThatThrownBy(() -> TARIFF.quote("PK", 10, true)).isInstanceOf(Tariff.CodCountry.class).hasMessageContaining("PK");
  }

  @Test
  void aTableWithDistinctGroupsIsBuiltAsConfigured() {
    Tariff t = new Tariff("CNY", Map.of("a", List.of("US", "FR"), "b", List.of("BR")), Map.of("a", 1L, "b", 2L), 3, 50, 1, List.of(), 1,
        List.of());
    assertThat(t.quote("FR", 1, false).totalMinor()).isEqualTo(1);
    assertThat(t.quote("BR", 1, false).totalMinor()).isEqualTo(2);
    assertThat(t.quote("JP", 1, false).totalMinor()).isEqualTo(3);
  }

  @Test
  void aMisconfiguredTableStopsTheStart() {
    assertThatThrownBy(() -> new Tariff("CNY", Map.of("a", List.of("US"), "b", List.of("US")), Map.of("a", 1L, "b", 2L), 3, 50, 1, List.of(),
        1, List.of())).hasMessageContaining("US is in two market groups");
    assertThatThrownBy(() -> new Tariff("CNY", Map.of("a", List.of("US")), Map.of(), 3, 50, 1, List.of(), 1, List.of()))
        .hasMessageContaining("market group a has no fee");
  }
}
