package com.sellergrowth.shortlink.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SHL-5: where a code sends a visitor. */
class RedirectDecisionTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final LinkViews views = new LinkViews("https://www.marketplace.example/store/{sellerId}");

  private LinkView link(String mobile, Instant expiresAt) {
    return views.of("abc12345", "s1", "https://www.marketplace.example/item/1", mobile, "utm_source=wechat", "1", expiresAt, null, 1, false);
  }

  @Test
  void redirectsToTheTargetWithItsUtmParameters_SHL5() {
    RedirectDecision d = RedirectDecision.decide(link(null, null), new SkuState(true, 5, NOW), false, NOW);
    assertThat(d.status()).isEqualTo(302);
    assertThat(d.location()).isEqualTo("https://www.marketplace.example/item/1?utm_source=wechat");
    assertThat(d.outcome()).isEqualTo(RedirectDecision.TARGET);
  }

  @Test
  void unknownAndDeletedCodesAreNotFound_SHL5() {
    assertThat(RedirectDecision.decide(null, null, false, NOW).status()).isEqualTo(404);
    assertThat(RedirectDecision.decide(LinkViews.unknown("x"), null, false, NOW).status()).isEqualTo(404);
    LinkView deleted = views.of("abc12345", "s1", "https://www.marketplace.example/item/1", null, "", null, null, null, 2, true);
    assertThat(RedirectDecision.decide(deleted, null, false, NOW).status()).isEqualTo(404);
  }

  @Test
  void delistedAndOutOfStockTargetsGoToTheStorePageWithAReason_SHL5() {
    RedirectDecision out = RedirectDecision.decide(link(null, null), new SkuState(true, 0, NOW), false, NOW);
    assertThat(out.location()).isEqualTo("https://www.marketplace.example/store/s1?utm_source=wechat&reason=out_of_stock");
    assertThat(out.outcome()).isEqualTo(RedirectDecision.STORE_FALLBACK);
    RedirectDecision delisted = RedirectDecision.decide(link(null, null), new SkuState(false, 10, NOW), false, NOW);
    assertThat(delisted.location()).endsWith("reason=delisted");
    assertThat(delisted.fallbackReason()).isEqualTo("delisted");
  }

  @Test
  void phonesAndTabletsGoToTheMobilePageWhenSet_SHL5() {
    LinkView l = link("https://m.marketplace.example/item/1", null);
    assertThat(RedirectDecision.decide(l, null, true, NOW).location()).isEqualTo("https://m.marketplace.example/item/1?utm_source=wechat");
    assertThat(RedirectDecision.decide(l, null, false, NOW).location()).isEqualTo("https://www.marketplace.example/item/1?utm_source=wechat");
    assertThat(RedirectDecision.decide(link(null, null), null, true, NOW).outcome()).isEqualTo(RedirectDecision.TARGET);
  }

  @Test
  void anExpiredLinkIsGoneFromItsExpiryInstant() {
    assertThat(RedirectDecision.decide(link(null, NOW.plusSeconds(1)), null, false, NOW).status()).isEqualTo(302);
    assertThat(RedirectDecision.decide(link(null, NOW), null, false, NOW)).isEqualTo(RedirectDecision.EXPIRED);
  }
}
