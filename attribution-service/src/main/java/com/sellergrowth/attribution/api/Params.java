package com.sellergrowth.attribution.api;

import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Query and path parameters, checked before they reach SQL: every refusal is a 4xx naming the parameter. */
final class Params {
  static final int MAX_PAGE = 10_000;

  private Params() {
  }

  static int page(String raw) {
    return number("page", raw, 0, 0, MAX_PAGE);
  }

  static int size(String raw, int max) {
    return number("size", raw, 50 > max ? max : 50, 1, max);
  }

  static int number(String name, String raw, int dflt, int min, int max) {
    if (raw == null) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiException.invalid(List.of(new FieldError(name, "ERR_PARAM_RANGE", "a whole number from " + min + " to " + max)));
  }

  static UUID uuid(String name, String raw) {
    try {
      if (raw != null && raw.length() == 36) {
        return UUID.fromString(raw);
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw ApiException.notFound(name + " " + printable(raw));
  }

  static LocalDate date(String name, String raw, LocalDate dflt) {
    if (raw == null) {
      return dflt;
    }
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(List.of(new FieldError(name, "ERR_DATE", "a date such as 2026-11-25")));
    }
  }

  /** An optional filter value: at most 200 characters, no control characters. */
  static String text(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (raw.length() > 200 || raw.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid(List.of(new FieldError(name, "ERR_PARAM_TEXT", "at most 200 characters, no control characters")));
    }
    return raw;
  }

  static <E extends Enum<E>> E choice(String name, String raw, Class<E> type, E dflt) {
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
