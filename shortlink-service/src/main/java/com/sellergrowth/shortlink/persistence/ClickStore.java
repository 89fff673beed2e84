package com.sellergrowth.shortlink.persistence;

import com.sellergrowth.events.shortlink.LinkClickedV1;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clicks (SHL-6): one row per LinkClicked, inserted a batch per statement with the click id as key, so a redelivered or
 * replayed click changes nothing. Stats are computed from the rows by event time: bots and invalidated clicks are kept out
 * of PV/UV and counted apart.
 */
@ApplicationScoped
public class ClickStore {
  private static final String INSERT = """
      INSERT INTO link_click(click_id, code, seller_id, occurred_at, visitor_hash, ip_hash, country, device_type, bot_reason, outcome, referrer)
      SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[],
                           $9::text[], $10::text[], $11::text[])
      ON CONFLICT (click_id) DO NOTHING""";
  /** The batch's invalidations first (usually none), then their rows by primary key: never a scan of the clicks. */
  private static final String APPLY_INVALIDATIONS = "WITH i AS MATERIALIZED (SELECT click_id, reason FROM click_invalidation "
      + "WHERE click_id = ANY($1)) UPDATE link_click c SET invalid_reason = i.reason FROM i WHERE c.click_id = i.click_id "
      + "AND c.invalid_reason IS DISTINCT FROM i.reason";
  private static final String VALID = "bot_reason IS NULL AND invalid_reason IS NULL";
  private static final String RANGE = "code = $1 AND occurred_at >= $2 AND occurred_at < $3";

  private final Pool pool;

  public ClickStore(Pool pool) {
    this.pool = pool;
  }

  /** Figures of one hour (UTC, by event time). */
  public record Hour(Instant hour, long pv, long uv, long bots, long invalid) {
  }

  /** Figures of a link over {@code [from, to)}. */
  public record Stats(long pv, long uv, long bots, long invalid, List<Hour> hours, Map<String, Long> countries, Map<String, Long> devices,
      Map<String, Long> botReasons) {
  }

  /** Inserts the clicks not seen before; how many were new. */
  public Uni<Integer> insert(List<LinkClickedV1> clicks) {
    if (clicks.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    int n = clicks.size();
    UUID[] ids = new UUID[n];
    String[] codes = new String[n];
    String[] sellers = new String[n];
    OffsetDateTime[] times = new OffsetDateTime[n];
    String[] visitors = new String[n];
    String[] ips = new String[n];
    String[] countries = new String[n];
    String[] devices = new String[n];
    String[] bots = new String[n];
    String[] outcomes = new String[n];
    String[] referrers = new String[n];
    for (int i = 0; i < n; i++) {
      LinkClickedV1 c = clicks.get(i);
      ids[i] = UUID.fromString(c.clickId());
      codes[i] = c.code();
      sellers[i] = c.sellerId();
      times[i] = c.occurredAt().atOffset(ZoneOffset.UTC);
      visitors[i] = c.visitorHash();
      ips[i] = c.ipHash();
      countries[i] = c.country();
      devices[i] = c.deviceType();
      bots[i] = c.botReason();
      outcomes[i] = c.outcome();
      referrers[i] = c.referrer();
    }
    Tuple args = Tuple.tuple(List.of(ids, codes, sellers, times, visitors, ips, countries, devices, bots, outcomes, referrers));
    return pool.preparedQuery(INSERT).execute(args).map(rows -> rows.rowCount())
        .call(() -> pool.preparedQuery(APPLY_INVALIDATIONS).execute(Tuple.of((Object) ids)));
  }

  /**
   * RSK-5: risk-service invalidated a click; it leaves PV/UV and is counted as invalid. The invalidation is stored first (its
   * own statement, committed), then applied to the click's row: whichever of the click's insert and this comes second sees
   * the other's committed row, so an invalidation is never lost whatever the order of the two consumers.
   */
  public Uni<Void> invalidate(UUID clickId, String reason, String decisionId) {
    return pool.preparedQuery("INSERT INTO click_invalidation(click_id, reason, decision_id) VALUES ($1, $2, $3) ON CONFLICT (click_id) "
            + "DO UPDATE SET reason = EXCLUDED.reason, decision_id = EXCLUDED.decision_id").execute(Tuple.of(clickId, reason, decisionId))
        .chain(() -> pool.preparedQuery("UPDATE link_click SET invalid_reason = $2 WHERE click_id = $1").execute(Tuple.of(clickId, reason)))
        .replaceWithVoid();
  }

  /** An operator released the invalidation: the click counts again. */
  public Uni<Void> release(UUID clickId) {
    return pool.preparedQuery("DELETE FROM click_invalidation WHERE click_id = $1").execute(Tuple.of(clickId))
        .chain(() -> pool.preparedQuery("UPDATE link_click SET invalid_reason = NULL WHERE click_id = $1").execute(Tuple.of(clickId)))
        .replaceWithVoid();
  }

  public Uni<Stats> stats(String code, Instant from, Instant to) {
    Tuple range = Tuple.of(code, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
    Uni<List<Hour>> hours = pool.preparedQuery("SELECT date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AS h, "
            + "count(*) FILTER (WHERE " + VALID + ") AS pv, count(DISTINCT visitor_hash) FILTER (WHERE " + VALID + ") AS uv, "
            + "count(*) FILTER (WHERE bot_reason IS NOT NULL) AS bots, "
            + "count(*) FILTER (WHERE bot_reason IS NULL AND invalid_reason IS NOT NULL) AS invalid "
            + "FROM link_click WHERE " + RANGE + " GROUP BY h ORDER BY h")
        .execute(range).map(rows -> {
          List<Hour> list = new ArrayList<>();
          for (Row r : rows) {
            list.add(new Hour(r.getLocalDateTime("h").toInstant(ZoneOffset.UTC), r.getLong("pv"), r.getLong("uv"), r.getLong("bots"),
                r.getLong("invalid")));
          }
          return list;
        });
    Uni<Long> uv = pool.preparedQuery("SELECT count(DISTINCT visitor_hash) FROM link_click WHERE " + RANGE + " AND " + VALID)
        .execute(range).map(rows -> rows.iterator().next().getLong(0));
    Uni<List<Row>> breakdown = pool.preparedQuery(
            "SELECT 'country' AS dim, coalesce(country, 'UNKNOWN') AS k, count(*) AS n FROM link_click WHERE " + RANGE + " AND " + VALID
                + " GROUP BY 2 UNION ALL SELECT 'device', device_type, count(*) FROM link_click WHERE " + RANGE + " AND " + VALID
                + " GROUP BY 2 UNION ALL SELECT 'bot', bot_reason, count(*) FROM link_click WHERE " + RANGE
                + " AND bot_reason IS NOT NULL GROUP BY 2 ORDER BY 1, 3 DESC, 2")
        .execute(range).map(rows -> {
          List<Row> list = new ArrayList<>();
          rows.forEach(list::add);
          return list;
        });
    return Uni.combine().all().unis(hours, uv, breakdown).asTuple().map(t -> {
      Map<String, Long> countries = new LinkedHashMap<>();
      Map<String, Long> devices = new LinkedHashMap<>();
      Map<String, Long> botReasons = new LinkedHashMap<>();
      for (Row r : t.getItem3()) {
        Map<String, Long> m = switch (r.getString("dim")) {
          case "country" -> countries;
          case "device" -> devices;
          default -> botReasons;
        };
        m.put(r.getString("k"), r.getLong("n"));
      }
      long pv = t.getItem1().stream().mapToLong(Hour::pv).sum();
      long bots = t.getItem1().stream().mapToLong(Hour::bots).sum();
      long invalid = t.getItem1().stream().mapToLong(Hour::invalid).sum();
      return new Stats(pv, t.getItem2(), bots, invalid, t.getItem1(), countries, devices, botReasons);
    });
  }
}
