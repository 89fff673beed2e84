package com.sellergrowth.attribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.support.problem.FieldError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ATR-4: real CSV (quotes, BOM, CRLF, UTF-8), a result per row, whole-file refusals with every reason. */
class CodeCsvTest {
  static final String HEADER = "target,utm_source,utm_medium,utm_campaign,utm_content,utm_term,sku\r\n";

  private static CodeCsv.Parsed parse(String text, int max) {
    return CodeCsv.parse(text.getBytes(StandardCharsets.UTF_8), max);
  }

  @Test
  void quotesBomCrlfAndUtf8AreRead() {
    CodeCsv.Parsed p = parse("\uFEFF" + HEADER + "https://www.marketplace.example/i/1,\"ig, \"\"story\"\"\",social,camp,\"两行\r\n内容\",,SKU-1\r\n"
        + "https://www.marketplace.example/i/2,fb,cpc,c2,x,term,\n", 500);
    assertThat(p.fileErrors()).isEmpty();
    assertThat(p.rows()).hasSize(2);
    CodeDraft first = p.rows().get(0).draft();
    assertThat(first.utmSource()).isEqualTo("ig, \"story\"");
    assertThat(first.utmContent()).isEqualTo("两行\r\n内容");
    assertThat(first.utmTerm()).isNull();
    assertThat(first.sku()).isEqualTo("SKU-1");
    assertThat(p.rows().get(1).row()).isEqualTo(2);
    assertThat(p.rows().get(1).draft().utmTerm()).isEqualTo("term");
    assertThat(p.rows().get(1).draft().sku()).isNull();
  }

  @Test
  void columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() {
    CodeCsv.Parsed p = parse("utm_content,utm_campaign,utm_medium,utm_source,target\nd,c,b,a,https://www.marketplace.example/\n", 500);
    assertThat(p.rows()).singleElement().extracting(r -> r.draft().utmSource()).isEqualTo("a");
  }

  @Test
  void aFileThatCannotBeReadAsAWholeIsRefusedWithEveryReason() {
    assertThat(parse("target,utm_source,utm_campain\n", 500).fileErrors()).extracting(FieldError::code)
        .containsExactlyInAnyOrder("ERR_CSV_MISSING_COLUMN", "ERR_CSV_MISSING_COLUMN", "ERR_CSV_MISSING_COLUMN", "ERR_CSV_UNKNOWN_COLUMN");
    assertThat(CodeCsv.parse(new byte[] {(byte) 0xC3, 0x28}, 500).fileErrors()).extracting(FieldError::code).containsExactly("ERR_CSV_ENCODING");
    assertThat(parse("", 500).fileErrors()).extracting(FieldError::code).containsExactly("ERR_CSV_EMPTY");
    assertThat(parse(HEADER, 500).fileErrors()).extracting(FieldError::code).containsExactly("ERR_CSV_EMPTY");
    assertThat(parse(HEADER + "a,b,c,\"unclosed\n", 500).fileErrors()).extracting(FieldError::code).containsExactly("ERR_CSV_SYNTAX");
    assertThat(parse("target,target\n", 500).fileErrors()).extracting(FieldError::code).containsExactly("ERR_CSV_SYNTAX");
  }

  @Test
  void anUnknownColumnIsNamedPrintablyAndShortened() {
    String column = "x\u0001" + "y".repeat(60);
    FieldError e = parse("target,utm_source,utm_medium,utm_campaign,utm_content," + column + "\n", 500).fileErrors().get(0);
    assertThat(e.message()).startsWith("unknown column 'x?" + "y".repeat(38) + "...'");
    assertThat(parse("target,utm_source,utm_medium,utm_campaign,utm_content,zz\n", 500).fileErrors().get(0).message())
        .startsWith("unknown column 'zz'");
  }

  @Test
  void atMostTheRowLimit() {
    String row = "https://www.marketplace.example/,a,b,c,d,,\n";
    assertThat(parse(HEADER + row.repeat(3), 3).rows()).hasSize(3);
    assertThat(parse(HEADER + row.repeat(4), 3).fileErrors()).extracting(FieldError::code).containsExactly("ERR_CSV_TOO_MANY_ROWS");
  }

  @Test
  void aRowWithTheWrongNumberOfCellsIsARowError() {
    CodeCsv.Parsed p = parse(HEADER + "x,y\n", 500);
    assertThat(p.fileErrors()).isEmpty();
    assertThat(p.rows()).singleElement().satisfies(r -> {
      assertThat(r.draft()).isNull();
      assertThat(r.errors()).extracting(FieldError::code).containsExactly("ERR_CSV_ROW");
    });
  }
}
