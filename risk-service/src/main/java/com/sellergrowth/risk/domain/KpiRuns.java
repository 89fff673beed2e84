package com.sellergrowth.risk.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** RSK-6 / DIR-3: runs of consecutive calendar days below a floor. */
public final class KpiRuns {
  private KpiRuns() {
  }

  /**
   * The run of consecutive days below {@code floorBp} that contains {@code day} (days may arrive in any order); empty when
   * {@code day} itself is not below it. A missing day breaks a run: no measurement is not a bad measurement.
   */
  public static List<LocalDate> belowFloorAround(Map<LocalDate, Long> valuesByDay, LocalDate day, long floorBp) {
    if (!below(valuesByDay, day, floorBp)) {
      return List.of();
    }
    LocalDate first = day;
    while (below(valuesByDay, first.minusDays(1), floorBp)) {
      first = first.minusDays(1);
    }
    List<LocalDate> run = new ArrayList<>();
    for (LocalDate d = first; below(valuesByDay, d, floorBp); d = d.plusDays(1)) {
      run.add(d);
    }
    return run;
  }

  private static boolean below(Map<LocalDate, Long> values, LocalDate day, long floorBp) {
    Long v = values.get(day);
    return v != null && v < floorBp;
  }
}
