package com.sellergrowth.gift.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The gift warehouse's stock rows (GFT-4), always locked in gift id order and always after the dispatch rows a transaction
 * touches, so no two transactions wait on each other in a circle (ADR 10).
 */
public final class StockRows {
  private StockRows() {
  }

  /** Locks the rows of {@code gifts} until the transaction ends; the units each has free (on hand, not reserved). */
  public static Uni<Map<UUID, Long>> lock(SqlClient sql, Set<UUID> gifts) {
    if (gifts.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return sql.preparedQuery("SELECT gift_id, on_hand - reserved FROM gift_stock WHERE gift_id = ANY($1) ORDER BY gift_id FOR UPDATE")
        .execute(Tuple.of(gifts.toArray(UUID[]::new))).map(rows -> {
          Map<UUID, Long> out = new HashMap<>();
          rows.forEach(r -> out.put(r.getUUID(0), r.getLong(1)));
          return out;
        });
  }

  /** Adds {@code delta} (negative: returned units) to the reserved units of rows the caller locked. */
  public static Uni<Void> adjustReserved(SqlClient sql, Map<UUID, Long> delta) {
    List<UUID> ids = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    new TreeMap<>(delta).forEach((gift, n) -> {
      if (n != 0) {
        ids.add(gift);
        counts.add(n);
      }
    });
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return sql.preparedQuery("UPDATE gift_stock g SET reserved = g.reserved + u.n FROM unnest($1::uuid[], $2::bigint[]) AS u(gift_id, n) "
        + "WHERE g.gift_id = u.gift_id").execute(Tuple.of(ids.toArray(UUID[]::new), counts.toArray(Long[]::new))).replaceWithVoid();
  }

  /** Returns reserved units to the warehouse (dispatches that ended before shipment), locking the rows in order first. */
  public static Uni<Void> release(SqlClient sql, Map<UUID, Long> units) {
    if (units.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Map<UUID, Long> delta = new TreeMap<>();
    units.forEach((gift, n) -> delta.put(gift, -n));
    return lock(sql, units.keySet()).chain(() -> adjustReserved(sql, delta));
  }
}
