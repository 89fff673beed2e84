package com.sellergrowth.attribution.persistence;

import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.support.sql.PgSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Small SQL helpers shared by the stores: instants, the inbox, the outbox and the lock stripes, on the caller's connection. */
public final class Sql {
  private Sql() {
  }

  public static OffsetDateTime odt(Instant i) {
    return PgSql.odt(i);
  }

  public static Instant instant(OffsetDateTime o) {
    return PgSql.instant(o);
  }

  /** Appends an event to the outbox on {@code sql} (inside the caller's transaction: it commits with the state change). */
  public static Uni<Void> outbox(SqlClient sql, String key, Record event, Instant at) {
    return Outbox.insertAll(sql, List.of(Outbox.row(key, event, at)));
  }

  /** Stripes of the lock that orders, clicks and risk invalidations take on the devices and click ids they touch. */
  public static final int LOCK_STRIPES = 256;
  /** The first key of the service's advisory locks (the second is the stripe). */
  public static final int LOCK_SPACE = 0x61747472;
  private static final String LOCK = "SELECT pg_advisory_xact_lock(" + LOCK_SPACE + ", s) "
      + "FROM (SELECT DISTINCT unnest($1::int[]) AS s ORDER BY 1) k";

  /**
   * Takes, until the transaction ends, the lock stripes of these keys (device ids, click ids), always in ascending order.
   * An order and the click that may win it, or a click and its risk invalidation, are written by two consumers in two
   * transactions; under READ COMMITTED neither would see the other's uncommitted row and both would miss the match. Holding
   * the stripe while reading and writing makes the second one wait and then see the first one's commit.
   */
  public static Uni<Void> lockStripes(SqlClient sql, java.util.Collection<String> keys) {
    Integer[] stripes = keys.stream().filter(java.util.Objects::nonNull).map(Sql::stripe).distinct().sorted().toArray(Integer[]::new);
    if (stripes.length == 0) {
      return Uni.createFrom().voidItem();
    }
    return sql.preparedQuery(LOCK).execute(Tuple.of(stripes)).replaceWithVoid();
  }

  /** The lock stripe of a device id or click id. */
  public static int stripe(String key) {
    return Math.floorMod(key.hashCode(), LOCK_STRIPES);
  }

  /** A unique constraint refused the statement (SQLSTATE 23505): a concurrent twin won. */
  public static boolean isUniqueViolation(Throwable t) {
    return PgSql.isUniqueViolation(t);
  }

  /** The inbox for a batch: the ids of {@code eventIds} that {@code consumer} sees for the first time (the others: duplicates). */
  public static Uni<java.util.Set<String>> firstTimes(SqlClient sql, String consumer, List<String> eventIds) {
    return PgSql.firstTimes(sql, consumer, eventIds);
  }

  /** The inbox (STYLE 6) on the caller's transaction: true the first time {@code consumer} sees {@code eventId}. */
  public static Uni<Boolean> firstTime(SqlClient sql, String consumer, String eventId) {
    return firstTimes(sql, consumer, List.of(eventId)).map(first -> !first.isEmpty());
  }
}
