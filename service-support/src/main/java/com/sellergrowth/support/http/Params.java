package com.sellergrowth.support.http;

import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Query and path parameters, checked before they reach SQL: every refusal is a 4xx naming the parameter. */
public final class Params {
  public static final int MAX_PAGE = 10_000;
  /** Report dates outside these years are refused: nothing happened before, and PostgreSQL's range ends far sooner than Java's. */
  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;
  private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("-?[0-9]{1,10}");

  private Params() {
  }

  public static int page(String raw) {
    return number("page", raw, 0, 0, MAX_PAGE);
  }

  public static int size(String raw, int max) {
    return number("size", raw, 50 > max ? max : 50, 1, max);
  }

  public static int number(String name, String raw, int dflt, int min, int max) {
    if (raw == null) {
      return dflt;
    }
    if (WHOLE.matcher(raw).matches()) { // ASCII digits only (parseInt would take other scripts' digits)
      long v = Long.parseLong(raw);
      if (v >= min && v <= max) {
        return (int) v;
      }
    }
    throw ApiException.invalid(List.of(new FieldError(name, "ERR_PARAM_RANGE", "a whole number from " + min + " to " + max)));
  }

  public static UUID uuid(String name, String raw) {
    try {
      if (raw != null && raw.length() == 36) {
        return UUID.fromString(raw);
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw ApiException.notFound(name + " " + printable(raw));
  }

  /** A date between {@link #FIRST_YEAR} and {@link #LAST_YEAR}, or null when absent. */
  public static LocalDate date(String name, String raw) {
    if (raw == null) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(raw);
      if (d.getYear() >= FIRST_YEAR && d.getYear() <= LAST_YEAR) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // refused below
    }
    throw ApiException.invalid(List.of(new FieldError(name, "ERR_DATE", "a date such as 2026-11-25, years " + FIRST_YEAR + " to " + LAST_YEAR)));
  }

  /** An optional UUID in a query parameter (a malformed one is a 422 naming it). */
  public static java.util.UUID uuidParam(String name, String raw) {
    if (raw == null) {
      return null;
    }
    try {
      if (raw.length() == 36) {
        return java.util.UUID.fromString(raw);
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw ApiException.invalid(List.of(new FieldError(name, "ERR_PARAM_UUID", "a UUID such as 0b8f6a52-8f5e-4a4b-9a55-0e6a1d0c2f11")));
  }

  /** An optional filter value: at most 200 characters, no control characters. */
  public static String text(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (raw.length() > 200 || raw.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid(List.of(new FieldError(name, "ERR_PARAM_TEXT", "at most 200 characters, no control characters")));
    }
    return raw;
  }

  public static <E extends Enum<E>> E choice(String name, String raw, Class<E> type, E dflt) {
    if (raw == null || raw.isEmpty()) {
      return dflt;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(raw)) {
        return e;
      }
    }
    throw ApiException.invalid(List.of(new FieldError(name, "ERR_PARAM_CHOICE", "one of " + List.of(type.getEnumConstants()))));
  }

  private static String printable(String s) {
    if (s == null) {
      return "";
    }
    String p = s.replaceAll("[^A-Za-z0-9-]", "?");
    return p.length() > 40 ? p.substring(0, 40) : p;
  }
}
