package com.sellergrowth.risk.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The thresholds one evaluation of a rule runs with; validated on the way in (defaults at start-up, operators' changes per request). */
public record RuleSettings(Rule rule, Map<String, String> values) {
  public RuleSettings {
    values = Map.copyOf(new TreeMap<>(values));
    List<String> problems = problems(rule, values);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(rule.id() + ": " + String.join("; ", problems));
    }
  }

  /** Every problem with {@code values} for {@code rule}: unknown names, missing or malformed values (all at once, CPN-5 style). */
  public static List<String> problems(Rule rule, Map<String, String> values) {
    List<String> problems = new java.util.ArrayList<>();
    for (String name : values.keySet()) {
      if (rule.param(name).isEmpty()) {
        problems.add(name + " is not a threshold of " + rule.id());
      }
    }
    for (Param p : rule.params()) {
      String problem = p.problem(values.get(p.name()));
      if (problem != null) {
        problems.add(p.name() + " " + problem);
      }
    }
    return problems;
  }

  public long count(String name) {
    return Long.parseLong(value(name).trim());
  }

  public Duration duration(String name) {
    return Duration.parse(value(name));
  }

  public List<String> markers(String name) {
    return Param.parseMarkers(value(name));
  }

  private String value(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException(rule.id() + " has no threshold " + name);
    }
    return v;
  }
}
