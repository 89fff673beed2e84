package com.sellergrowth.risk.service;

import com.sellergrowth.risk.domain.Report;
import java.time.Instant;
import java.util.Map;

/** A decision as the APIs show it (RSK-7): what, why (rule, reason, evidence, thresholds), its status and report. */
public record DecisionView(String id, String rule, String action, String subjectType, String subjectId, String sellerId, String status,
    String reason, Map<String, Object> evidence, Map<String, String> thresholds, Instant windowFrom, Instant windowTo, Instant decidedAt,
    Instant closedAt, String closedBy, String closeNote, Report report) {

  /**
   * What a seller sees: no operator-only evidence (the raw address of RSK-1, the address hash of RSK-5, how late each SKU was
   * past the allowed delay), no thresholds, a report that states none (issue 15), only the seller's own clicks of an address
   * burst (a burst crosses sellers), and an operator's release shown as OPERATOR without the internal note.
   */
  public DecisionView forSeller() {
    Map<String, Object> visible = new java.util.LinkedHashMap<>(evidence);
    visible.remove("ip");
    visible.remove("ipHash");
    if (visible.get("lateSkus") instanceof java.util.List<?> skus) { // the delay minus how late it was is the allowed delay
      visible.put("lateSkus", skus.stream().map(sku -> {
        Map<Object, Object> shown = new java.util.LinkedHashMap<>(sku instanceof Map<?, ?> m ? m : Map.of());
        shown.remove("lateBySeconds");
        return shown;
      }).toList());
    }
    Report sellers = Report.of(reason, subjectId, visible, Map.of());
    Object own = visible.remove("sellerClickIds");
    if ("IP_BURST".equals(reason)) {
      visible.put("clickIds", own != null ? own : java.util.List.of(subjectId)); // decided before issue 15: its own click only
    }
    return new DecisionView(id, rule, action, subjectType, subjectId, sellerId, status, reason, visible, Map.of(), windowFrom, windowTo,
        decidedAt, closedAt, closedBy == null || closedBy.startsWith("RSK-") ? closedBy : "OPERATOR", null, sellers);
  }
}
