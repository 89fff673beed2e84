package com.sellergrowth.shortlink.domain;

import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.text.Texts;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * UTM parameters of a link (SHL-1, SHL-4). Values are taken literally and percent-encoded as UTF-8 (RFC 3986: only
 * unreserved characters stay as they are), so a space, {@code #}, {@code &} or Chinese text arrives intact. Refused, with
 * the field named: empty values, control characters, broken UTF-16 (which cannot be encoded) and values that already
 * contain a percent-escape (encoding them again would pass them broken; send the plain text instead).
 */
public record Utm(String source, String medium, String campaign, String term, String content) {
  public static final Utm NONE = new Utm(null, null, null, null, null);
  public static final int MAX_LENGTH = 200;
  private static final Pattern PRE_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");
  private static final String[] NAMES = {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"};

  private String[] values() {
    return new String[] {source, medium, campaign, term, content};
  }

  public boolean isEmpty() {
    for (String v : values()) {
      if (v != null) {
        return false;
      }
    }
    return true;
  }

  /** Every reason a value is refused, under {@code <prefix>.<name>} (e.g. {@code utm.utm_campaign}). */
  public List<FieldError> validate(String prefix) {
    List<FieldError> errors = new ArrayList<>();
    String[] values = values();
    for (int i = 0; i < NAMES.length; i++) {
      String v = values[i];
      String field = prefix + "." + NAMES[i];
      if (v == null) {
        continue;
      }
      if (v.isEmpty() || v.length() > MAX_LENGTH) {
        errors.add(new FieldError(field, "ERR_UTM_LENGTH", "1 to " + MAX_LENGTH + " characters (leave the field out if unused)"));
      }
      if (v.chars().anyMatch(Character::isISOControl)) {
        errors.add(new FieldError(field, "ERR_UTM_CONTROL_CHARACTER", "control characters (tab, new line...) cannot be carried in a URL"));
      }
      if (!Texts.isWellFormedUtf16(v)) {
        errors.add(new FieldError(field, "ERR_UTM_ENCODING", "the text is not valid Unicode (unpaired surrogate)"));
      }
      if (PRE_ENCODED.matcher(v).find()) {
        errors.add(new FieldError(field, "ERR_UTM_PRE_ENCODED",
            "looks percent-encoded already; send the plain text, it is encoded once when the link redirects"));
      }
    }
    return errors;
  }

  /** The query string of the set parameters, encoded ({@code utm_source=a&utm_campaign=%E5%8F%8C11}); empty if none. */
  public String query() {
    StringBuilder sb = new StringBuilder();
    String[] values = values();
    for (int i = 0; i < NAMES.length; i++) {
      if (values[i] != null) {
        if (!sb.isEmpty()) {
          sb.append('&');
        }
        sb.append(NAMES[i]).append('=').append(encode(values[i]));
      }
    }
    return sb.toString();
  }

  /** The parameters back from a query built by {@link #query()}. */
  public static Utm parse(String query) {
    if (query == null || query.isEmpty()) {
      return NONE;
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      m.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return new Utm(m.get(NAMES[0]), m.get(NAMES[1]), m.get(NAMES[2]), m.get(NAMES[3]), m.get(NAMES[4]));
  }

  /** True if the raw query string of a URL already has a {@code utm_*} parameter. */
  public static boolean hasUtmParameter(String rawQuery) {
    if (rawQuery == null) {
      return false;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.regionMatches(true, 0, "utm_", 0, 4)) {
        return true;
      }
    }
    return false;
  }

  /** RFC 3986 percent-encoding of UTF-8 bytes; unreserved characters (ALPHA / DIGIT / "-" / "." / "_" / "~") stay. */
  static String encode(String value) {
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
