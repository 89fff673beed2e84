package com.sellergrowth.attribution.domain;

/** ATR-8: what a traffic report groups by: the UTC day, or one UTM field. */
public enum ReportDimension {
  DAY("to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD')"),
  SOURCE("c.utm_source"),
  MEDIUM("c.utm_medium"),
  CAMPAIGN("c.utm_campaign"),
  CONTENT("c.utm_content");

  private final String sql;

  ReportDimension(String sql) {
    this.sql = sql;
  }

  /** The SQL expression of the group key, given the time column the day is taken from (a constant: never user input). */
  public String sql(String timeColumn) {
    return this == DAY ? String.format(sql, timeColumn) : sql;
  }
}
