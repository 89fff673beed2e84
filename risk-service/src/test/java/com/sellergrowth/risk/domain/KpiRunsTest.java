package com.sellergrowth.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RSK-6 / DIR-3: consecutive days below the fulfilment floor. */
class KpiRunsTest {
  private static final LocalDate D1 = LocalDate.parse("2026-11-01");

  @Test
  void theRunAroundADayCountsConsecutiveDaysBelowTheFloorInAnyArrivalOrder() {
    Map<LocalDate, Long> values = new HashMap<>();
    for (int i = 0; i < 7; i++) {
      values.put(D1.plusDays(i), 9790L);
    }
    assertThat(KpiRuns.belowFloorAround(values, D1.plusDays(3), 9800)).hasSize(7).startsWith(D1).endsWith(D1.plusDays(6));
  }

  @Test
  void aGoodDayOrAMissingDayBreaksTheRun() {
    Map<LocalDate, Long> values = new HashMap<>();
    for (int i = 0; i < 7; i++) {
      values.put(D1.plusDays(i), 9790L);
    }
    values.put(D1.plusDays(3), 9800L); // at the floor is not below it
    assertThat(KpiRuns.belowFloorAround(values, D1.plusDays(6), 9800)).hasSize(3);
    values.remove(D1.plusDays(3));
    assertThat(KpiRuns.belowFloorAround(values, D1.plusDays(2), 9800)).hasSize(3);
    assertThat(KpiRuns.belowFloorAround(values, D1.plusDays(3), 9800)).isEmpty();
  }
}
