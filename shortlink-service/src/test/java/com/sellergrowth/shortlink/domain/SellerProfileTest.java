package com.sellergrowth.shortlink.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SHL-3: verified enterprise sellers only, no serious violation in the last 90 days. */
class SellerProfileTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(90);

  @Test
  void aVerifiedEnterpriseWithoutViolationsIsEligible_SHL3() {
    assertThat(SellerProfile.refusals(new SellerProfile("ENTERPRISE", true, null), NOW, WINDOW)).isEmpty();
  }

  @Test
  void individualAndUnverifiedSellersAreRefusedWithEveryReason_SHL3() {
    assertThat(SellerProfile.refusals(new SellerProfile("INDIVIDUAL", false, null), NOW, WINDOW))
        .containsExactly("ERR_SELLER_INDIVIDUAL", "ERR_SELLER_UNVERIFIED");
  }

  @Test
  void aSeriousViolationCountsForNinetyDaysExactly_SHL3() {
    Instant inside = NOW.minus(Duration.ofDays(90)).plusSeconds(1);
    Instant outside = NOW.minus(Duration.ofDays(90));
    assertThat(SellerProfile.refusals(new SellerProfile("ENTERPRISE", true, inside), NOW, WINDOW)).containsExactly("ERR_SELLER_SERIOUS_VIOLATION");
    assertThat(SellerProfile.refusals(new SellerProfile("ENTERPRISE", true, outside), NOW, WINDOW)).isEmpty();
  }

  @Test
  void aSellerWithoutAProfileIsRefused_SHL3() {
    assertThat(SellerProfile.refusals(null, NOW, WINDOW)).containsExactly("ERR_SELLER_UNKNOWN");
  }
}
