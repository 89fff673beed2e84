package com.sellergrowth.gift.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GFT-2's automatic checks: each reason on its own, and all of them at once. */
class GiftChecksTest {
  private final GiftChecks checks = new GiftChecks(List.of("cat-food", "cat-beauty"), List.of("cat-electronics"), List.of("CE", "FCC"));

  private static GiftDraft draft(String category, String composition, String filing, String msds, List<String> marks, boolean notForSale,
      boolean logo, boolean declared) {
    return new GiftDraft("Sample", category, composition, 30, "PLATFORM", null, filing, msds, marks, notForSale, logo, declared);
  }

  private static GiftDraft good(String category) {
    return draft(category, "100% cotton", null, null, List.of(), true, true, true);
  }

  @Test
  void aCompleteGiftWithItsPackageFrontPhotoPasses_GFT2() {
    assertThat(checks.failures(good("cat-home"), List.of(PhotoRole.PACKAGE_FRONT, PhotoRole.PRODUCT))).isEmpty();
  }

  @Test
  void everyFailureIsReportedAtOnce_GFT2() {
    GiftDraft bad = draft("cat-electronics", " ", null, null, List.of("UKCA"), false, false, false);
    assertThat(checks.failures(bad, List.of(PhotoRole.PRODUCT))).containsExactly(GiftChecks.PACKAGE_FRONT_PHOTO, GiftChecks.NOT_FOR_SALE,
        GiftChecks.BRAND_LOGO, GiftChecks.COMPOSITION, GiftChecks.CERTIFICATION, GiftChecks.INFRINGEMENT);
  }

  @Test
  void foodAndCosmeticsNeedAFilingNumberOrAnMsds_GFT2() {
    assertThat(checks.failures(good("cat-food"), List.of(PhotoRole.PACKAGE_FRONT))).containsExactly(GiftChecks.FILING);
    assertThat(checks.failures(draft("cat-beauty", "water", "GD-2026-1", null, List.of(), true, true, true), List.of(PhotoRole.PACKAGE_FRONT)))
        .isEmpty();
    assertThat(checks.failures(draft("cat-beauty", "water", null, "msds/42.pdf", List.of(), true, true, true), List.of(PhotoRole.PACKAGE_FRONT)))
        .isEmpty();
    assertThat(checks.failures(draft("cat-beauty", "water", "", " ", List.of(), true, true, true), List.of(PhotoRole.PACKAGE_FRONT)))
        .containsExactly(GiftChecks.FILING);
  }

  @Test
  void electronicsNeedACeOrFccMark_GFT2() {
    assertThat(checks.failures(good("cat-electronics"), List.of(PhotoRole.PACKAGE_FRONT))).containsExactly(GiftChecks.CERTIFICATION);
    assertThat(checks.failures(draft("cat-electronics", "ABS", null, null, List.of("FCC"), true, true, true), List.of(PhotoRole.PACKAGE_FRONT)))
        .isEmpty();
    assertThat(checks.failures(draft("cat-home", "ABS", null, null, List.of(), true, true, true), List.of(PhotoRole.PACKAGE_FRONT))).isEmpty();
  }

  @Test
  void eachDeclarationAloneFails_GFT2() {
    assertThat(checks.failures(draft("cat-home", "x", null, null, List.of(), false, true, true), List.of(PhotoRole.PACKAGE_FRONT)))
        .containsExactly(GiftChecks.NOT_FOR_SALE);
    assertThat(checks.failures(draft("cat-home", "x", null, null, List.of(), true, false, true), List.of(PhotoRole.PACKAGE_FRONT)))
        .containsExactly(GiftChecks.BRAND_LOGO);
    assertThat(checks.failures(draft("cat-home", "x", null, null, List.of(), true, true, false), List.of(PhotoRole.PACKAGE_FRONT)))
        .containsExactly(GiftChecks.INFRINGEMENT);
    assertThat(checks.failures(draft("cat-home", null, null, null, List.of(), true, true, true), List.of(PhotoRole.PACKAGE_FRONT)))
        .containsExactly(GiftChecks.COMPOSITION);
  }

  @Test
  void theSellersOwnPackagingNeedsItsRegistration_GFT2_GFT7() {
    GiftDraft own = new GiftDraft("Sample", "cat-home", "x", 30, "OWN", null, null, null, List.of(), true, true, true);
    assertThat(checks.failures(own, List.of(PhotoRole.PACKAGE_FRONT))).containsExactly(GiftChecks.PACKAGING);
    GiftDraft blank = new GiftDraft("Sample", "cat-home", "x", 30, "OWN", " ", null, null, List.of(), true, true, true);
    assertThat(checks.failures(blank, List.of(PhotoRole.PACKAGE_FRONT))).containsExactly(GiftChecks.PACKAGING);
    GiftDraft registered = new GiftDraft("Sample", "cat-home", "x", 30, "OWN", "PKG-2026-7", null, null, List.of(), true, true, true);
    assertThat(checks.failures(registered, List.of(PhotoRole.PACKAGE_FRONT))).isEmpty();
  }
}
