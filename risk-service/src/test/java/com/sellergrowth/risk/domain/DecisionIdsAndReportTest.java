package com.sellergrowth.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RSK-7, RSK-8: replay-stable ids; reports in the seeds' three parts. */
class DecisionIdsAndReportTest {

  @Test
  void theSameEvidenceGivesTheSameIdAndAnyDifferenceAnother() {
    var id = DecisionIds.of("RSK-1", "PAUSE_COUPON", "c1", "e6", DecisionStatus.ACTIVE);
    assertThat(DecisionIds.of("RSK-1", "PAUSE_COUPON", "c1", "e6", DecisionStatus.ACTIVE)).isEqualTo(id);
    assertThat(DecisionIds.of("RSK-1", "PAUSE_COUPON", "c1", "e7", DecisionStatus.ACTIVE)).isNotEqualTo(id);
    assertThat(DecisionIds.of("RSK-1", "PAUSE_COUPON", "c2", "e6", DecisionStatus.ACTIVE)).isNotEqualTo(id);
    assertThat(DecisionIds.of("RSK-1", "PAUSE_COUPON", "c1", "e6", DecisionStatus.SHADOW)).isNotEqualTo(id);
    assertThat(DecisionIds.resumeOf(id)).isNotEqualTo(id).isEqualTo(DecisionIds.resumeOf(id));
    assertThat(DecisionIds.releaseOf(id)).isNotEqualTo(DecisionIds.resumeOf(id));
  }

  @Test
  void aClaimBurstReportSaysWhatHappenedWhyAndWhatToDo() {
    Report r = Report.of("CLAIM_BURST", "c1", Map.of("eventIds", List.of("a", "b", "c", "d", "e", "f"), "windowFrom", "2026-11-01T10:00:00Z",
        "windowTo", "2026-11-01T10:50:00Z"), Map.of("max-claims", "5", "window", "PT1H"));
    assertThat(r.whatHappened()).isEqualTo("6 claims of coupon c1 came from one network address between 2026-11-01T10:00:00Z and "
        + "2026-11-01T10:50:00Z; the limit is 5 within 1 hour.");
    assertThat(r.whyItMatters()).contains("coupon farming");
    assertThat(r.whatTheSellerCanDo()).contains("release");
  }

  @Test
  void everyReasonTheRulesGiveHasItsOwnReport() {
    for (String reason : List.of("CLAIM_BURST", "LOW_REDEMPTION", "LATE_STOCK", "GIFT_DISPATCH_FAILURES", "DUPLICATE", "BOT_USER_AGENT",
        "IP_BURST", "FULFILMENT_RATE", "QC_FIRST_PASS", "INVENTORY_TURNOVER")) {
      Report r = Report.of(reason, "s1", Map.of(), Map.of());
      assertThat(r.whatHappened()).as(reason).doesNotStartWith("Decision ");
      assertThat(r.whatTheSellerCanDo()).as(reason).isNotEqualTo("Ask an operator.");
    }
  }

  // RSK-7, issue 15: the seller's view hid the thresholds but its report stated them ("the limit is 5 within 1 hour"), and
  // an address burst's evidence listed every seller's clicks from that address
  @Test
  void aSellersViewStatesNoThresholdAndOnlyTheSellersOwnClicks_RSK7() {
    Map<String, String> thresholds = Map.of("max-claims", "5", "window", "PT1H", "burst-max-clicks", "20", "burst-window", "PT1M",
        "allowed-delay", "PT3M", "min-redemption-rate-bp", "500", "duplicate-window", "PT1H", "fulfilment-floor-bp", "9800",
        "qc-floor-bp", "9500", "turnover-max-days", "60");
    for (String reason : List.of("CLAIM_BURST", "LOW_REDEMPTION", "LATE_STOCK", "DUPLICATE", "IP_BURST", "FULFILMENT_RATE", "QC_FIRST_PASS",
        "INVENTORY_TURNOVER")) {
      Map<String, Object> evidence = Map.of("eventIds", List.of("a"), "windowFrom", "2026-11-01T10:00:00Z", "windowTo", "2026-11-01T10:00:40Z",
          "clickIds", List.of("mine", "theirs"), "sellerClickIds", List.of("mine"), "ipHash", "h", "ip", "203.0.113.9",
          "lateSkus", List.of(Map.of("sku", "k1", "delaySeconds", 400, "lateBySeconds", 220)));
      com.sellergrowth.risk.service.DecisionView d = new com.sellergrowth.risk.service.DecisionView("d1", "RSK-x", "A", "T", "mine", "s1",
          "ACTIVE", reason, evidence, thresholds, null, null, null, null, null, null, Report.of(reason, "mine", evidence, thresholds));
      assertThat(d.report().whatHappened()).as("the operator's report states the limit").containsAnyOf("5", "20", "3 minutes", "1 hour",
          "98", "95", "60");
      com.sellergrowth.risk.service.DecisionView seller = d.forSeller();
      assertThat(seller.thresholds()).isEmpty();
      assertThat(seller.report().whatHappened()).as(reason).doesNotContain("limit is", "allowed:", "98%", "95%", "5%", " 60", "1 hour",
          "1 minute", "3 minutes", "lateBySeconds");
      assertThat(seller.evidence()).doesNotContainKeys("ip", "ipHash", "sellerClickIds");
      if (reason.equals("IP_BURST")) {
        assertThat(seller.evidence().get("clickIds")).isEqualTo(List.of("mine"));
        assertThat(seller.report().whatHappened()).contains("one of 2 clicks");
      }
    }
  }
}
