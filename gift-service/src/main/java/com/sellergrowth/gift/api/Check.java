package com.sellergrowth.gift.api;

import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Collects every field error of a request body before any refusal (SPEC section 9: every reason at once). */
final class Check {
  static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");
  private final List<FieldError> errors = new ArrayList<>();

  /** Required text of 1..max characters, printable (no control characters, no NUL, well-formed UTF-16). */
  String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "ERR_REQUIRED", "required"));
      return null;
    }
    return optionalText(field, value, max);
  }

  /** Optional text: null stays null; otherwise as {@link #text}. */
  String optionalText(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    if (value.length() > max || value.chars().anyMatch(Character::isISOControl)
        || !com.sellergrowth.support.text.Texts.isWellFormedUtf16(value)) {
      errors.add(new FieldError(field, "ERR_TEXT", "at most " + max + " characters, no control characters"));
      return null;
    }
    return value.isBlank() ? null : value.strip();
  }

  String matching(String field, String value, Pattern p, String what) {
    if (value == null) {
      errors.add(new FieldError(field, "ERR_REQUIRED", "required: " + what));
      return null;
    }
    if (!p.matcher(value).matches()) {
      errors.add(new FieldError(field, "ERR_FORMAT", what));
      return null;
    }
    return value;
  }

  long range(String field, Long value, long min, long max) {
    if (value == null) {
      errors.add(new FieldError(field, "ERR_REQUIRED", "required: a whole number from " + min + " to " + max));
      return min;
    }
    if (value < min || value > max) {
      errors.add(new FieldError(field, "ERR_RANGE", "a whole number from " + min + " to " + max));
    }
    return value;
  }

  boolean flag(String field, Boolean value) {
    if (value == null) {
      errors.add(new FieldError(field, "ERR_REQUIRED", "required: true or false"));
      return false;
    }
    return value;
  }

  /** A list (absent: empty) of at most {@code max} distinct values matching {@code p}; a null or bad element is named by index. */
  Set<String> list(String field, List<String> values, int max, Pattern p, String what) {
    Set<String> out = new LinkedHashSet<>();
    if (values == null) {
      return out;
    }
    if (values.size() > max) {
      errors.add(new FieldError(field, "ERR_LIST_SIZE", "at most " + max + " values"));
      return out;
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null || !p.matcher(v).matches()) {
        errors.add(new FieldError(field + "[" + i + "]", "ERR_FORMAT", what));
      } else {
        out.add(v);
      }
    }
    return out;
  }

  <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
    if (value != null) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(value)) {
          return e;
        }
      }
    }
    errors.add(new FieldError(field, value == null ? "ERR_REQUIRED" : "ERR_CHOICE", "one of " + List.of(type.getEnumConstants())));
    return null;
  }

  void add(String field, String code, String message) {
    errors.add(new FieldError(field, code, message));
  }

  /** Refuses the request with every error collected (422), if any. */
  void done() {
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  /** The version the caller read, as one more field error when it is missing. */
  int version(String field, Integer version) {
    if (version == null || version < 1) {
      errors.add(new FieldError(field, "ERR_VERSION_REQUIRED", "the version you read (a positive number)"));
      return 0;
    }
    return version;
  }

  static int version(Integer version) {
    if (version == null || version < 1) {
      throw ApiException.invalid(List.of(new FieldError("version", "ERR_VERSION_REQUIRED", "the version you read (a positive number)")));
    }
    return version;
  }

  static void body(Object body) {
    if (body == null) {
      throw new ApiException(400, "ERR_MALFORMED_BODY", "Malformed request body", "a JSON body is required");
    }
  }
}
