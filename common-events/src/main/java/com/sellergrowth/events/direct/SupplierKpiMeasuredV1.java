package com.sellergrowth.events.direct;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * A Direct supplier's KPIs for one day (DIR-3), measured by direct-service; risk-service holds the thresholds (RSK-6).
 * Rates in basis points (9920 = 99.20%, exact); {@code day} is the ISO date (UTC) measured. Key: supplierId.
 */
public record SupplierKpiMeasuredV1(String supplierId, String day, long fulfilmentRateBp, long qcFirstPassRateBp,
    long inventoryTurnoverDays, Instant occurredAt) {
  public static final EventType<SupplierKpiMeasuredV1> TYPE =
      new EventType<>("direct.kpi-measured", 1, SupplierKpiMeasuredV1.class, Topics.DIRECT_EVENTS);
}
