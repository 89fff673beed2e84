package com.sellergrowth.attribution.domain;

/** ATR-8: what a traffic report groups by: the UTC day, or one UTM field. */
public enum ReportDimension {
  DAY("g.day"),
  SOURCE("c.utm_source"),
  MEDIUM("c.utm_medium"),
  CAMPAIGN("c.utm_campaign"),
  CONTENT("c.utm_content");

  private final String sql;

  ReportDimension(String sql) {
    this.sql = sql;
  }

  /** The SQL expression of the group key over the per-code, per-day aggregate {@code g} and its code {@code c} (a constant). */
  public String sql() {
    return sql;
  }

  /** The UTC day of a time column, as the reports key it (a constant). */
  public static String day(String timeColumn) {
    return "to_char(" + timeColumn + " AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
  }
}
