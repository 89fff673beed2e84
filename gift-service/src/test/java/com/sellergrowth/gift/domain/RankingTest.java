package com.sellergrowth.gift.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GFT-10: each part from its figures, weighted; the order explained. */
class RankingTest {
  private final Ranking ranking = new Ranking(50, 30, 20);
  private final Ranking.Candidate beauty = new Ranking.Candidate(new UUID(0, 1), "Lip balm", "cat-beauty", 10);
  private final Ranking.Candidate phone = new Ranking.Candidate(new UUID(0, 2), "Ring holder", "cat-phone", 10);

  @Test
  void theBuyersHistoryTheCountryAndTheHeatMakeTheScore_GFT10() {
    Ranking.Facts facts = new Ranking.Facts(Map.of("cat-beauty", 3L, "cat-phone", 1L), 4, Map.of("cat-phone", 9L, "cat-beauty", 1L), 10,
        Map.of("cat-beauty", 50L, "cat-phone", 100L), 100);
    var ranked = ranking.rank(List.of(phone, beauty), facts, "BR");
    // beauty: 0.5 * 3/4 + 0.3 * 1/10 + 0.2 * 50/100 = 0.375 + 0.03 + 0.1 = 0.505
    // phone:  0.5 * 1/4 + 0.3 * 9/10 + 0.2 * 100/100 = 0.125 + 0.27 + 0.2 = 0.595
    assertThat(ranked).extracting(r -> r.gift().name()).containsExactly("Ring holder", "Lip balm");
    assertThat(ranked.get(0).scorePpm()).isEqualTo(595_000);
    assertThat(ranked.get(1).scorePpm()).isEqualTo(505_000);
    Ranking.Part buyer = ranked.get(1).parts().get(0);
    assertThat(buyer).isEqualTo(new Ranking.Part("buyer", 50, 3, 4, 750_000,
        "the buyer's past paid orders with you that had a line in cat-beauty: 3 of 4"));
    assertThat(ranked.get(1).parts().get(1).explanation()).isEqualTo("gifts of cat-beauty among the gifts shipped to BR: 1 of 10");
    assertThat(ranked.get(1).parts().get(2).valuePpm()).isEqualTo(500_000);
    assertThat(ranked.get(1).parts().get(1)).isEqualTo(new Ranking.Part("country", 30, 1, 10, 100_000,
        "gifts of cat-beauty among the gifts shipped to BR: 1 of 10"));
    assertThat(ranked.get(1).parts().get(2).explanation()).isEqualTo("recent paid orders in cat-beauty: 50, against 100 in the hottest category");
  }

  @Test
  void withoutAnyHistoryEveryScoreIsZeroAndStockThenNameDecide_GFT10() {
    Ranking.Facts none = new Ranking.Facts(Map.of(), 0, Map.of(), 0, Map.of(), 0);
    var more = new Ranking.Candidate(new UUID(0, 3), "Zebra pen", "cat-office", 99);
    var ranked = ranking.rank(List.of(phone, beauty, more), none, "PL");
    assertThat(ranked).extracting(r -> r.gift().name()).containsExactly("Zebra pen", "Lip balm", "Ring holder");
    assertThat(ranked).allMatch(r -> r.scorePpm() == 0);
  }

  @Test
  void equalScoresAndStockGoByNameThenById() {
    Ranking.Facts none = new Ranking.Facts(Map.of(), 0, Map.of(), 0, Map.of(), 0);
    var zebraFirstId = new Ranking.Candidate(new UUID(0, 1), "Zebra pen", "cat-a", 5);
    var appleSecondId = new Ranking.Candidate(new UUID(0, 2), "Apple pen", "cat-a", 5);
    var appleThirdId = new Ranking.Candidate(new UUID(0, 3), "Apple pen", "cat-a", 5);
    assertThat(ranking.rank(List.of(zebraFirstId, appleThirdId, appleSecondId), none, "PL")).extracting(r -> r.gift().giftId())
        .containsExactly(appleSecondId.giftId(), appleThirdId.giftId(), zebraFirstId.giftId());
  }

  @Test
  void sharesAreBoundedAndSafe() {
    assertThat(Ranking.share(5, 0)).isZero();
    assertThat(Ranking.share(0, 5)).isZero();
    assertThat(Ranking.share(7, 5)).isEqualTo(1_000_000);
    assertThat(Ranking.share(1, 3)).isEqualTo(333_333);
  }

  @Test
  void theWeightsArePercentagesThatSumTo100() {
    assertThatThrownBy(() -> new Ranking(50, 30, 30)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Ranking(-10, 60, 50)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Ranking(100, 0, 0).rank(List.of(beauty), new Ranking.Facts(Map.of("cat-beauty", 1L), 2, Map.of(), 0, Map.of(), 0), "PL")
        .get(0).scorePpm()).isEqualTo(500_000);
    assertThat(new Ranking(0, 0, 100).rank(List.of(beauty), new Ranking.Facts(Map.of(), 0, Map.of(), 0, Map.of("cat-beauty", 1L), 4), "PL")
        .get(0).scorePpm()).isEqualTo(250_000);
    assertThat(new Ranking(0, 100, 0).rank(List.of(beauty), new Ranking.Facts(Map.of(), 0, Map.of("cat-beauty", 3L), 4, Map.of(), 0), "PL")
        .get(0).scorePpm()).isEqualTo(750_000);
  }
}
