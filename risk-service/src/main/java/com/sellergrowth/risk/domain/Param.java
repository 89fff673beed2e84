package com.sellergrowth.risk.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** A threshold of a rule and how its value is written: a positive count, basis points (0..10000), an ISO-8601 duration, or markers. */
public record Param(String name, Kind kind) {
  public enum Kind { COUNT, BASIS_POINTS, DURATION, MARKERS }

  static Param count(String name) {
    return new Param(name, Kind.COUNT);
  }

  static Param basisPoints(String name) {
    return new Param(name, Kind.BASIS_POINTS);
  }

  static Param duration(String name) {
    return new Param(name, Kind.DURATION);
  }

  static Param markers(String name) {
    return new Param(name, Kind.MARKERS);
  }

  /** Why {@code value} is not valid for this parameter, or null when it is. */
  public String problem(String value) {
    if (value == null || value.isBlank()) {
      return "is required";
    }
    switch (kind) {
      case COUNT -> {
        return parseLong(value) == null || parseLong(value) < 1 ? "must be a whole number of at least 1" : null;
      }
      case BASIS_POINTS -> {
        Long v = parseLong(value);
        return v == null || v < 0 || v > 10_000 ? "must be basis points between 0 and 10000 (1500 = 15%)" : null;
      }
      case DURATION -> {
        try {
          Duration d = Duration.parse(value);
          return d.isNegative() || d.isZero() ? "must be a positive ISO-8601 duration such as PT1H" : null;
        } catch (DateTimeParseException e) {
          return "must be an ISO-8601 duration such as PT1H";
        }
      }
      default -> {
        return parseMarkers(value).isEmpty() ? "must list at least one marker, comma-separated" : null;
      }
    }
  }

  static List<String> parseMarkers(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(String::toLowerCase).toList();
  }

  private static Long parseLong(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
