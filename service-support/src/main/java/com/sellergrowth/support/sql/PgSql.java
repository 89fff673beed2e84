package com.sellergrowth.support.sql;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Small helpers for services that write with the Vert.x PostgreSQL client: instants, the batch inbox, SQLSTATEs. */
public final class PgSql {
  private PgSql() {
  }

  public static OffsetDateTime odt(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  public static Instant instant(OffsetDateTime o) {
    return o == null ? null : o.toInstant();
  }

  /** A unique constraint refused the statement (SQLSTATE 23505): a concurrent twin won. */
  public static boolean isUniqueViolation(Throwable t) {
    return hasSqlState(t, "23505");
  }

  /** A CHECK constraint refused the statement (SQLSTATE 23514). */
  public static boolean isCheckViolation(Throwable t) {
    return hasSqlState(t, "23514");
  }

  /** Some cause of {@code t}, or what it suppressed, is a PostgreSQL error with this SQLSTATE (a trigger's own code, say). */
  public static boolean hasSqlState(Throwable t, String state) {
    return state.equals(com.sellergrowth.support.inbox.Failures.sqlStateOf(t));
  }

  /**
   * The inbox (STYLE 6) for a batch, on the caller's transaction: the ids of {@code eventIds} that {@code consumer} sees for the
   * first time (the others are duplicates: apply nothing for them).
   */
  public static Uni<Set<String>> firstTimes(SqlClient sql, String consumer, List<String> eventIds) {
    return sql.preparedQuery("INSERT INTO processed_event(consumer, event_id) SELECT $1, e FROM unnest($2::text[]) AS e ON CONFLICT DO NOTHING "
            + "RETURNING event_id")
        .execute(Tuple.of(consumer, eventIds.toArray(String[]::new))).map(rows -> {
          Set<String> out = new HashSet<>();
          rows.forEach(r -> out.add(r.getString(0)));
          return out;
        });
  }

  /** The inbox for one event: true the first time {@code consumer} sees {@code eventId}. */
  public static Uni<Boolean> firstTime(SqlClient sql, String consumer, String eventId) {
    return firstTimes(sql, consumer, List.of(eventId)).map(first -> !first.isEmpty());
  }
}
