package com.sellergrowth.shortlink.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellergrowth.support.problem.FieldError;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SHL-1: short codes, the 32-character short URL, aliases. */
class CodesTest {
  private final Codes codes = new Codes("https://sgp.ly/", 8, 4);

  @Test
  void generatedCodesAreBase62OfTheConfiguredLengthAndFitTheShortUrl_SHL1() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String c = codes.next();
      assertThat(c).hasSize(8).matches("[0-9A-Za-z]{8}");
      assertThat(("https://sgp.ly/" + c).length()).isLessThanOrEqualTo(Codes.MAX_SHORT_URL);
      seen.add(c);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void refusesALengthThatWouldMakeTheShortUrlLongerThan32_SHL1() {
    assertThatThrownBy(() -> new Codes("https://links.marketplace.example/", 8, 4)).hasMessageContaining("32");
    assertThatThrownBy(() -> new Codes("https://sgp.ly/", 5, 4)).hasMessageContaining("6..");
  }

  @Test
  void aliasesAreCheckedForLengthCharactersAndReservedWords_SHL1() {
    assertThat(codes.checkAlias("Double11-Sale", "alias")).isEmpty();
    assertThat(codes.checkAlias("abc", "alias")).extracting(FieldError::code).containsExactly("ERR_ALIAS_LENGTH");
    // 15 characters of base URL leave 17 for the alias
    assertThat(codes.checkAlias("a".repeat(17), "alias")).isEmpty();
    assertThat(codes.checkAlias("a".repeat(18), "alias")).extracting(FieldError::code).containsExactly("ERR_ALIAS_LENGTH");
    assertThat(codes.checkAlias("sale/../x", "alias")).extracting(FieldError::code).containsExactly("ERR_ALIAS_CHARACTERS");
    assertThat(codes.checkAlias("spring%20", "alias")).extracting(FieldError::code).containsExactly("ERR_ALIAS_CHARACTERS");
    assertThat(codes.checkAlias("HEALTH", "alias")).extracting(FieldError::code).containsExactly("ERR_ALIAS_RESERVED");
  }
}
