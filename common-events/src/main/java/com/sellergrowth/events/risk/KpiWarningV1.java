package com.sellergrowth.events.risk;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * risk-service warns a Direct supplier about a KPI (DIR-3, RSK-6). {@code kpi}: FULFILMENT_RATE (below the floor for the
 * configured run of days) or INVENTORY_TURNOVER (a clearance reminder). Key: supplierId.
 */
public record KpiWarningV1(String decisionId, String rule, String supplierId, String kpi, String reason, Instant occurredAt) {
  public static final EventType<KpiWarningV1> TYPE = new EventType<>("risk.kpi-warning", 1, KpiWarningV1.class, Topics.RISK_DECISIONS);
}
