package com.sellergrowth.attribution.domain;

import com.sellergrowth.support.problem.FieldError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * ATR-4: reads a bulk import of marketing codes, RFC 4180 CSV in UTF-8 (a byte-order mark, CRLF or LF line ends and quoted
 * fields with commas, quotes or line breaks are all fine). The first line names the columns: {@code target, utm_source,
 * utm_medium, utm_campaign, utm_content} are required, {@code utm_term} and {@code sku} optional, in any order; an empty
 * optional cell means "none". A file that cannot be read as a whole (not UTF-8, no header, an unknown or missing column, more
 * than the row limit) is refused with every reason; otherwise each data row becomes a draft with its row number (1 = the
 * first row after the header), or a row error.
 */
public final class CodeCsv {
  public static final List<String> REQUIRED = List.of("target", Utm.SOURCE, Utm.MEDIUM, Utm.CAMPAIGN, Utm.CONTENT);
  public static final List<String> OPTIONAL = List.of(Utm.TERM, "sku");
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
      .setAllowMissingColumnNames(false).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW).get();

  private CodeCsv() {
  }

  /** One data row: its number and its draft, or why it cannot be read. */
  public record Row(int row, CodeDraft draft, List<FieldError> errors) {
  }

  /** The file's rows, or every reason the file is refused as a whole (then no row). */
  public record Parsed(List<Row> rows, List<FieldError> fileErrors) {
  }

  public static Parsed parse(byte[] content, int maxRows) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return refused(new FieldError("file", "ERR_CSV_ENCODING", "the file is not UTF-8 text"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return refused(new FieldError("file", "ERR_CSV_EMPTY", "the file has no header line"));
    }
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      Map<String, Integer> header = parser.getHeaderMap();
      List<FieldError> errors = new ArrayList<>();
      for (String column : REQUIRED) {
        if (!header.containsKey(column)) {
          errors.add(new FieldError("file", "ERR_CSV_MISSING_COLUMN", "the header lacks the column " + column));
        }
      }
      Set<String> known = new java.util.HashSet<>(REQUIRED);
      known.addAll(OPTIONAL);
      for (String column : header.keySet()) {
        if (!known.contains(column)) {
          errors.add(new FieldError("file", "ERR_CSV_UNKNOWN_COLUMN",
              "unknown column '" + printable(column) + "' (columns: " + String.join(", ", REQUIRED) + ", " + String.join(", ", OPTIONAL) + ")"));
        }
      }
      if (!errors.isEmpty()) {
        return new Parsed(List.of(), List.copyOf(errors));
      }
      List<Row> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        if (rows.size() == maxRows) {
          return refused(new FieldError("file", "ERR_CSV_TOO_MANY_ROWS", "at most " + maxRows + " rows per import (ATR-4)"));
        }
        int number = rows.size() + 1;
        if (!r.isConsistent()) {
          rows.add(new Row(number, null, List.of(new FieldError("row", "ERR_CSV_ROW",
              "the row has " + r.size() + " cells; the header has " + header.size()))));
          continue;
        }
        rows.add(new Row(number, new CodeDraft(cell(r, "target"), optional(r, "sku"), cell(r, Utm.SOURCE), cell(r, Utm.MEDIUM),
            cell(r, Utm.CAMPAIGN), cell(r, Utm.CONTENT), optional(r, Utm.TERM)), List.of()));
      }
      if (rows.isEmpty()) {
        return refused(new FieldError("file", "ERR_CSV_EMPTY", "the file has no data rows"));
      }
      return new Parsed(List.copyOf(rows), List.of());
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      return refused(new FieldError("file", "ERR_CSV_SYNTAX", "the file is not valid CSV (RFC 4180): check quotes and the header"));
    }
  }

  private static Parsed refused(FieldError e) {
    return new Parsed(List.of(), List.of(e));
  }

  private static String cell(CSVRecord r, String column) {
    String v = r.get(column);
    return v.isEmpty() ? null : v;
  }

  private static String optional(CSVRecord r, String column) {
    return r.isMapped(column) ? cell(r, column) : null;
  }

  private static String printable(String s) {
    String p = s.replaceAll("\\p{Cntrl}", "?");
    return p.length() > 40 ? p.substring(0, 40) + "..." : p;
  }
}
