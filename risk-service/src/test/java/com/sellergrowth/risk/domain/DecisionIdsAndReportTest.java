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
}
