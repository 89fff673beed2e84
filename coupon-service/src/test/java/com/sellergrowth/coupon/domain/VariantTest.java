package com.sellergrowth.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantTest {

  // CPN-16
  @Test
  void aBuyerAlwaysLandsInTheSameVariantAndTheSplitFollowsTheWeights_CPN16() {
    List<Variant> variants = List.of(new Variant("A", 80, 5_00), new Variant("B", 20, 8_00));
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      Variant v = Variant.assign(variants, "coupon-1", "buyer-" + i);
      assertThat(Variant.assign(variants, "coupon-1", "buyer-" + i)).isEqualTo(v);
      counts.merge(v.name(), 1, Integer::sum);
    }
    assertThat(counts.get("A")).isBetween(7_700, 8_300);
    assertThat(counts.get("B")).isBetween(1_700, 2_300);
    assertThat(Variant.assign(List.of(), "coupon-1", "buyer-1")).isNull();
  }
}
