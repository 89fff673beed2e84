package com.sellergrowth.attribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.targets.TargetPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ATR-1 and ATR-3: every error at once, each under the field the seller typed. */
class CodeDraftValidatorTest {
  static final String TARGET = "https://www.marketplace.example/item/SKU-1";
  final CodeDraftValidator validator = new CodeDraftValidator(new TargetPolicy(List.of("www.marketplace.example")));

  private static CodeDraft draft(String target, String source, String medium, String campaign, String content, String term) {
    return new CodeDraft(target, null, source, medium, campaign, content, term);
  }

  private List<String> codes(CodeDraft d) {
    return validator.validate(d).errors().stream().map(e -> e.field() + ":" + e.code()).toList();
  }

  @Test
  void aCompleteDraftIsValidAndKeptAsTyped() {
    CodeDraftValidator.Result r = validator.validate(new CodeDraft(TARGET, "SKU-1", "instagram", "social", "ig_202405_kd_summer_sale",
        "Reel 1 · 夏季", "running shoes"));
    assertThat(r.errors()).isEmpty();
    assertThat(r.code().utm()).isEqualTo(new Utm("instagram", "social", "ig_202405_kd_summer_sale", "Reel 1 · 夏季", "running shoes"));
    assertThat(r.code().sku()).isEqualTo("SKU-1");
    assertThat(r.code().target()).isEqualTo(TARGET);
  }

  @Test
  void everyRequiredFieldIsNamedAtOnce() {
    assertThat(codes(draft(null, null, " ", null, "", null))).containsExactlyInAnyOrder("target:ERR_TARGET_REQUIRED",
        "utm_source:ERR_UTM_REQUIRED", "utm_medium:ERR_UTM_REQUIRED", "utm_campaign:ERR_UTM_REQUIRED", "utm_content:ERR_UTM_REQUIRED");
  }

  @Test
  void campaignIsAtMostFiftyAsciiCharacters() {
    String fifty = "c".repeat(50);
    assertThat(codes(draft(TARGET, "a", "b", fifty, "d", null))).isEmpty();
    assertThat(codes(draft(TARGET, "a", "b", fifty + "c", "d", null))).containsExactly("utm_campaign:ERR_UTM_CAMPAIGN_LENGTH");
    assertThat(codes(draft(TARGET, "a", "b", "夏季", "d", null))).containsExactly("utm_campaign:ERR_UTM_CAMPAIGN_ASCII");
    assertThat(codes(draft(TARGET, "a", "b", "tab\there", "d", null))).containsExactly("utm_campaign:ERR_UTM_CAMPAIGN_ASCII");
    assertThat(codes(draft(TARGET, "a", "b", "~ !", "d", null))).isEmpty();
  }

  @Test
  void otherFieldsRefuseControlCharactersBrokenUnicodeBlanksAndLength() {
    assertThat(codes(draft(TARGET, "nul\u0000", "b", "c", "d", null))).containsExactly("utm_source:ERR_UTM_CHARACTERS");
    assertThat(codes(draft(TARGET, "a", "\uD800x", "c", "d", null))).containsExactly("utm_medium:ERR_UTM_CHARACTERS");
    assertThat(codes(draft(TARGET, "a", "b", "c", "x\uDC00", null))).containsExactly("utm_content:ERR_UTM_CHARACTERS");
    assertThat(codes(draft(TARGET, "a", "b", "c", "ok\uD83D\uDE00", null))).isEmpty();
    assertThat(codes(draft(TARGET, "a", "b", "c", "d", " t"))).containsExactly("utm_term:ERR_UTM_BLANKS");
    assertThat(codes(draft(TARGET, "a", "b", "c", "d", ""))).containsExactly("utm_term:ERR_UTM_LENGTH");
    assertThat(codes(draft(TARGET, "x".repeat(200), "b", "c", "d", null))).isEmpty();
    assertThat(codes(draft(TARGET, "x".repeat(201), "b", "c", "d", null))).containsExactly("utm_source:ERR_UTM_LENGTH");
  }

  @Test
  void onlyMarketplacePagesWithoutTheirOwnUtmOrClickParameters() {
    assertThat(codes(draft("https://evil.example/x", "a", "b", "c", "d", null))).containsExactly("target:ERR_TARGET_HOST_NOT_ALLOWED");
    assertThat(codes(draft("https://www.marketplace.example@evil.example/", "a", "b", "c", "d", null))).containsExactly(
        "target:ERR_TARGET_USERINFO");
    assertThat(codes(draft("//evil.example/", "a", "b", "c", "d", null))).containsExactly("target:ERR_TARGET_NOT_ABSOLUTE");
    assertThat(codes(draft(TARGET + "?UTM_source=x", "a", "b", "c", "d", null))).containsExactly("target:ERR_TARGET_UTM");
    assertThat(codes(draft(TARGET + "?a=1&af_click=x", "a", "b", "c", "d", null))).containsExactly("target:ERR_TARGET_UTM");
    assertThat(codes(draft(TARGET + "?a=1#utm_source", "a", "b", "c", "d", null))).isEmpty();
    assertThat(codes(draft(TARGET + "?a=1", "a", "b", "c", "d", null))).isEmpty();
    assertThat(codes(draft(TARGET + "#top?utm_source=x", "a", "b", "c", "d", null))).isEmpty();
    assertThat(codes(draft(TARGET + "?utm_x=1#top", "a", "b", "c", "d", null))).containsExactly("target:ERR_TARGET_UTM");
    assertThat(codes(draft(TARGET + "?af_click", "a", "b", "c", "d", null))).containsExactly("target:ERR_TARGET_UTM");
  }

  @Test
  void aHighSurrogateAtTheEndIsBrokenUnicode() {
    assertThat(codes(draft(TARGET, "a", "b", "c", "end\uD800", null))).containsExactly("utm_content:ERR_UTM_CHARACTERS");
    assertThat(codes(draft(TARGET, "a", "b", "c", "\uD83D\uDE00\uD83D\uDE00", null))).isEmpty();
  }

  @Test
  void skuIsAPlainIdentifier() {
    assertThat(validator.validate(new CodeDraft(TARGET, "bad sku", "a", "b", "c", "d", null)).errors()).extracting(FieldError::code)
        .containsExactly("ERR_SKU");
    assertThat(validator.validate(new CodeDraft(TARGET, "x".repeat(65), "a", "b", "c", "d", null)).errors()).hasSize(1);
    assertThat(validator.validate(new CodeDraft(TARGET, "A-1_b.2", "a", "b", "c", "d", null)).errors()).isEmpty();
  }

  @Test
  void utmQueryEncodesEachValueOnceInAFixedOrder() {
    assertThat(new Utm("a b", "m&n", "c=1", "ü/~*", null).query())
        .isEqualTo("utm_source=a%20b&utm_medium=m%26n&utm_campaign=c%3D1&utm_content=%C3%BC%2F~%2A");
    assertThat(new Utm("a", "b", "c", "d", "t+1").query()).endsWith("&utm_term=t%2B1");
  }
}
