package com.sellergrowth.shortlink.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.targets.TargetPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The short-link rules at their edges: the last value accepted and the first refused (SHL-1, SHL-2, SHL-4, SHL-5). */
class DomainEdgesTest {
  private static final String HOST = "https://www.marketplace.example";
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final LinkDraftValidator validator = new LinkDraftValidator(new TargetPolicy(List.of("www.marketplace.example")),
      new Codes("https://sgp.ly/", 8, 4), "^/item/(?<sku>[A-Za-z0-9._-]{1,64})$");

  private List<String> errors(LinkDraft d) {
    return validator.validate(d, NOW).errors().stream().map(e -> e.field() + ":" + e.code()).toList();
  }

  private static LinkDraft draft(String channel, Utm utm, String mobile, Long maxVisits) {
    return new LinkDraft(HOST + "/item/SKU-1", mobile, channel, null, utm, null, null, null, maxVisits);
  }

  // SHL-4: unreserved characters stay, everything else is percent-encoded, at the edges of each range
  @Test
  void percentEncodingKeepsExactlyTheUnreservedCharacters_SHL4() {
    assertThat(Utm.encode("azAZ09-._~")).isEqualTo("azAZ09-._~");
    assertThat(Utm.encode("`{@[/: ")).isEqualTo("%60%7B%40%5B%2F%3A%20");
    assertThat(Utm.encode("é")).isEqualTo("%C3%A9");
  }

  // SHL-4
  @Test
  void utmValuesAreOneToTwoHundredCharacters_SHL4() {
    assertThat(Utm.NONE.isEmpty()).isTrue();
    assertThat(Utm.parse(null).isEmpty()).isTrue();
    Utm one = new Utm(null, null, null, null, "c");
    assertThat(one.isEmpty()).isFalse();
    assertThat(new Utm("s".repeat(200), null, null, null, null).validate("utm")).isEmpty();
    assertThat(new Utm("s".repeat(201), null, null, null, null).validate("utm")).extracting(FieldError::code).containsExactly("ERR_UTM_LENGTH");
    assertThat(new Utm("", null, null, null, null).validate("utm")).extracting(FieldError::code).containsExactly("ERR_UTM_LENGTH");
  }

  // SHL-2, SHL-4: a label is 1 to 64 printable characters; UTM given twice (in the targets and in utm) is refused for each target
  @Test
  void labelsVisitLimitsAndUtmTwiceAtTheirEdges_SHL2_SHL4() {
    assertThat(errors(draft("c".repeat(64), null, null, null))).isEmpty();
    assertThat(errors(draft("c".repeat(65), null, null, null))).containsExactly("channel:ERR_LABEL");
    assertThat(errors(draft("c", null, null, 1L))).isEmpty();
    assertThat(errors(draft("c", null, null, 0L))).containsExactly("maxVisits:ERR_MAX_VISITS");
    Utm utm = new Utm("s", "m", "c", null, null);
    assertThat(errors(new LinkDraft(HOST + "/item/SKU-1?utm_source=x", HOST + "/m/1?utm_medium=y", null, null, utm, null, null, null, null)))
        .containsExactly("target:ERR_UTM_DUPLICATE", "mobileTarget:ERR_UTM_DUPLICATE");
    assertThat(errors(new LinkDraft(HOST + "/item/SKU-1?utm_source=x", null, null, null, Utm.NONE, null, null, null, null))).isEmpty();
  }

  // SHL-1: a code is 6 characters at least, and the short URL at most 32
  @Test
  void codeLengthsAndAliasesAtTheirEdges_SHL1() {
    assertThat(new Codes("https://sgp.ly/", 6, 4).next()).hasSize(6);
    assertThatThrownBy(() -> new Codes("https://sgp.ly/", 5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Codes("https://sgp.ly/", 32 - 15, 4).next()).hasSize(17);
    assertThatThrownBy(() -> new Codes("https://sgp.ly/", 32 - 15 + 1, 4)).isInstanceOf(IllegalArgumentException.class);
    Codes codes = new Codes("https://sgp.ly/", 8, 4);
    assertThat(codes.checkAlias("abcd", "alias")).isEmpty();
    assertThat(codes.checkAlias("abc", "alias")).extracting(FieldError::code).containsExactly("ERR_ALIAS_LENGTH");
    assertThat(codes.checkAlias("a".repeat(17), "alias")).isEmpty();
    assertThat(codes.checkAlias("a".repeat(18), "alias")).extracting(FieldError::code).containsExactly("ERR_ALIAS_LENGTH");
  }

  // SHL-5
  @Test
  void aQueryGoesBeforeTheFragmentWithTheRightSeparatorAndOnlyA302Redirects_SHL5() {
    assertThat(LinkView.withQuery("https://h/p#f", "a=1")).isEqualTo("https://h/p?a=1#f");
    assertThat(LinkView.withQuery("#f", "a=1")).isEqualTo("?a=1#f");
    assertThat(LinkView.withQuery("https://h/p?x=1", "a=1")).isEqualTo("https://h/p?x=1&a=1");
    assertThat(LinkView.withQuery("?x", "a=1")).isEqualTo("?x&a=1");
    assertThat(LinkView.withQuery("https://h/p", "")).isEqualTo("https://h/p");
    assertThat(RedirectDecision.NOT_FOUND.redirects()).isFalse();
    LinkView unknown = LinkViews.unknown("abc123");
    assertThat(unknown.code()).isEqualTo("abc123");
    assertThat(unknown.deleted()).isTrue();
  }
}
