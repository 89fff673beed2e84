package com.sellergrowth.support.targets;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.support.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SHL-2: only marketplace pages, whatever the encoding tricks. One case per trick. */
class TargetPolicyTest {
  private final TargetPolicy policy = new TargetPolicy(List.of("www.marketplace.example", "m.marketplace.example"));

  private List<FieldError> refuse(String raw) {
    List<FieldError> errors = new ArrayList<>();
    assertThat(policy.check(raw, "target", errors)).as("refused: %s", raw).isNull();
    assertThat(errors).isNotEmpty().allMatch(e -> e.field().equals("target"));
    return errors;
  }

  private String codeOf(String raw) {
    return refuse(raw).get(0).code();
  }

  @Test
  void acceptsAMarketplaceProductPageAsIs_SHL2() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(policy.check("https://www.marketplace.example/item/SKU-1?color=red#reviews", "target", errors))
        .isEqualTo("https://www.marketplace.example/item/SKU-1?color=red#reviews");
    assertThat(errors).isEmpty();
  }

  @Test
  void mixedCaseSchemeAndHostAreCanonicalisedNotTrusted_SHL2() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(policy.check("HTTPS://WWW.Marketplace.EXAMPLE/item/1", "target", errors)).isEqualTo("https://www.marketplace.example/item/1");
    assertThat(codeOf("HTTPS://WWW.EVIL.EXAMPLE/item/1")).isEqualTo("ERR_TARGET_HOST_NOT_ALLOWED");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // userinfo: the browser goes to the host after '@'
      "https://www.marketplace.example@evil.example/|ERR_TARGET_USERINFO",
      "https://user:pass@www.marketplace.example/|ERR_TARGET_USERINFO",
      // backslashes: browsers read them as slashes
      "https://evil.example\\@www.marketplace.example/|ERR_TARGET_BACKSLASH",
      "https:\\\\evil.example/|ERR_TARGET_BACKSLASH",
      "https://www.marketplace.example\\.evil.example/|ERR_TARGET_BACKSLASH",
      // scheme-relative and relative
      "//evil.example/item/1|ERR_TARGET_NOT_ABSOLUTE",
      "/item/1|ERR_TARGET_NOT_ABSOLUTE",
      // dangerous and plain schemes
      "javascript:alert(1)|ERR_TARGET_SCHEME",
      "JaVaScRiPt:alert(document.cookie)|ERR_TARGET_SCHEME",
      "data:text/html;base64,PHNjcmlwdD4=|ERR_TARGET_SCHEME",
      "http://www.marketplace.example/item/1|ERR_TARGET_SCHEME",
      "https:www.marketplace.example/item/1|ERR_TARGET_SCHEME",
      // encoded dots and escapes in the host
      "https://www.marketplace.example%2eevil.example/|ERR_TARGET_HOST",
      "https://www%2emarketplace%2eexample/|ERR_TARGET_HOST",
      "https:///evil.example/|ERR_TARGET_HOST",
      // look-alike hosts
      "https://www.marketplace.example.evil.example/|ERR_TARGET_HOST_NOT_ALLOWED",
      "https://www.marketplace.example./item/1|ERR_TARGET_HOST_NOT_ALLOWED",
      "https://evil.example#@www.marketplace.example/|ERR_TARGET_HOST_NOT_ALLOWED",
      "https://evil.example?@www.marketplace.example/|ERR_TARGET_HOST_NOT_ALLOWED",
      // punycode of a look-alike (IDN homograph)
      "https://www.xn--mrketplace-3ab.example/|ERR_TARGET_HOST_NOT_ALLOWED",
      // other ports
      "https://www.marketplace.example:8443/|ERR_TARGET_PORT",
  })
  void refusesEachOpenRedirectTrick_SHL2(String raw, String code) {
    assertThat(codeOf(raw)).isEqualTo(code);
  }

  @Test
  void refusesAnInternationalizedLookAlikeHost_SHL2() {
    // Cyrillic 'а' (U+0430) in place of the Latin 'a'
    assertThat(codeOf("https://www.m\u0430rketplace.example/item/1")).isEqualTo("ERR_TARGET_CHARACTERS");
  }

  @Test
  void refusesWhitespaceAndControlCharactersAnywhere_SHL2() {
    assertThat(codeOf(" https://www.marketplace.example/")).isEqualTo("ERR_TARGET_CHARACTERS");
    assertThat(codeOf("https://www.marketplace.example/\r\nSet-Cookie:x=1")).isEqualTo("ERR_TARGET_CHARACTERS");
    assertThat(codeOf("https://www.marketplace.example/a b")).isEqualTo("ERR_TARGET_CHARACTERS");
    assertThat(codeOf("java\tscript:alert(1)")).isEqualTo("ERR_TARGET_CHARACTERS");
    assertThat(codeOf("https://www.marketplace.example/\u0000")).isEqualTo("ERR_TARGET_CHARACTERS");
  }

  @Test
  void reportsEveryReasonOfOneBadValue_SHL2() {
    List<FieldError> errors = refuse(" https://evil.example\\x");
    assertThat(errors).extracting(FieldError::code).containsExactly("ERR_TARGET_CHARACTERS", "ERR_TARGET_BACKSLASH");
  }

  @Test
  void requiresATarget_SHL2() {
    assertThat(codeOf("")).isEqualTo("ERR_TARGET_REQUIRED");
    assertThat(codeOf(null)).isEqualTo("ERR_TARGET_REQUIRED");
  }
}
