package com.sellergrowth.shortlink.domain;

import com.sellergrowth.support.problem.FieldError;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Link codes (SHL-1). Generated codes are {@code length} characters drawn uniformly from 62 with a CSPRNG: with 8, there are
 * 2.2e14 codes, so even with ten million links a guess hits one with probability 4.6e-8, and enumeration at the rate limit
 * is impractical. Custom aliases use letters, digits, {@code -} and {@code _}, must fit the 32-character short URL, and
 * may not shadow the service's own paths.
 */
public final class Codes {
  /** SHL-1: the whole short URL fits in this many characters. */
  public static final int MAX_SHORT_URL = 32;
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Set<String> RESERVED = Set.of("q", "v1", "v2", "api", "admin", "health", "metrics", "openapi", "static", "assets");

  private final SecureRandom random = new SecureRandom();
  private final int length;
  private final int aliasMinLength;
  private final int aliasMaxLength;

  public Codes(String baseUrl, int length, int aliasMinLength) {
    this.length = length;
    this.aliasMinLength = aliasMinLength;
    this.aliasMaxLength = MAX_SHORT_URL - baseUrl.length();
    if (length < 6 || length > aliasMaxLength) {
      throw new IllegalArgumentException("shortlink.codes.length " + length + " must be 6.." + aliasMaxLength
          + " so that '" + baseUrl + "' plus the code fits in " + MAX_SHORT_URL + " characters (SHL-1)");
    }
  }

  public String next() {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(c);
  }

  /** Every reason {@code alias} cannot be a code, under {@code field}. */
  public List<FieldError> checkAlias(String alias, String field) {
    if (alias.length() < aliasMinLength || alias.length() > aliasMaxLength) {
      return List.of(new FieldError(field, "ERR_ALIAS_LENGTH", aliasMinLength + " to " + aliasMaxLength
          + " characters (the short URL is at most " + MAX_SHORT_URL + " characters)"));
    }
    if (!ALIAS.matcher(alias).matches()) {
      return List.of(new FieldError(field, "ERR_ALIAS_CHARACTERS", "letters, digits, '-' and '_' only"));
    }
    if (RESERVED.contains(alias.toLowerCase(Locale.ROOT))) {
      return List.of(new FieldError(field, "ERR_ALIAS_RESERVED", "'" + alias + "' is reserved"));
    }
    return List.of();
  }
}
