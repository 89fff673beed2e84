package com.sellergrowth.risk.engine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small conversions for the reactive PostgreSQL client. */
final class Sql {
  static final OffsetDateTime MIN = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private Sql() {
  }

  static OffsetDateTime ts(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  /** Suppression of a rule for a subject after an operator's release: only evidence newer than this counts. */
  static final String SUPPRESSED_UNTIL = "COALESCE((SELECT until FROM rule_suppression WHERE rule = $%d AND subject_id = $%d), '-infinity')";
}
