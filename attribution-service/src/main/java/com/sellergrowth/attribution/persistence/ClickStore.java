package com.sellergrowth.attribution.persistence;

import static com.sellergrowth.attribution.persistence.Sql.instant;
import static com.sellergrowth.attribution.persistence.Sql.odt;

import com.sellergrowth.attribution.domain.ClickClassifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The click facts' SQL (ATR-6), set-based: one statement per step for a whole batch of clicks. */
@ApplicationScoped
public class ClickStore {

  /** What a batch needs of a code: its owner, whether it was archived (and when), whether its item is sellable. */
  public record CodeFacts(String sellerId, Instant archivedAt, boolean unsellable) {
  }

  /** A click row to insert. */
  public record NewClick(UUID clickId, UUID codeId, String sellerId, String deviceId, String ipHash, Instant at, String invalidReason,
      String riskReason, UUID duplicateOf) {
  }

  public Uni<Set<UUID>> existing(SqlClient sql, UUID[] ids) {
    return sql.preparedQuery("SELECT click_id FROM click WHERE click_id = ANY($1)").execute(Tuple.of(ids)).map(rows -> {
      Set<UUID> out = new HashSet<>();
      rows.forEach(r -> out.add(r.getUUID(0)));
      return out;
    });
  }

  public Uni<Map<UUID, CodeFacts>> codes(SqlClient sql, UUID[] codeIds) {
    return sql.preparedQuery("SELECT c.id, c.seller_id, c.archived_at, coalesce(s.listed = false OR s.quantity <= 0, false) "
            + "FROM marketing_code c LEFT JOIN sku_stock s ON s.sku = c.sku AND s.seller_id = c.seller_id WHERE c.id = ANY($1)")
        .execute(Tuple.of(codeIds)).map(rows -> {
          Map<UUID, CodeFacts> out = new HashMap<>();
          rows.forEach(r -> out.put(r.getUUID(0), new CodeFacts(r.getString(1), instant(r.getOffsetDateTime(2)), r.getBoolean(3))));
          return out;
        });
  }

  /** The current anchors of (code, device) pairs, keyed {@code codeId + "\n" + deviceId}. */
  public Uni<Map<String, ClickClassifier.Anchor>> anchors(SqlClient sql, UUID[] codes, String[] devices) {
    return sql.preparedQuery("SELECT a.code_id, a.device_id, a.click_id, a.counted_at FROM dedupe_anchor a "
            + "JOIN unnest($1::uuid[], $2::text[]) AS k(code_id, device_id) ON a.code_id = k.code_id AND a.device_id = k.device_id")
        .execute(Tuple.of(codes, devices)).map(rows -> {
          Map<String, ClickClassifier.Anchor> out = new HashMap<>();
          rows.forEach(r -> out.put(r.getUUID(0) + "\n" + r.getString(1), new ClickClassifier.Anchor(r.getUUID(2),
              instant(r.getOffsetDateTime(3)))));
          return out;
        });
  }

  /** risk-service invalidations that arrived before their clicks (RSK-5), by click id. */
  public Uni<Map<UUID, String>> pendingInvalidations(SqlClient sql, UUID[] ids) {
    return sql.preparedQuery("SELECT click_id, reason FROM click_invalidation WHERE click_id = ANY($1) AND NOT released")
        .execute(Tuple.of(ids)).map(rows -> {
          Map<UUID, String> out = new HashMap<>();
          rows.forEach(r -> out.put(r.getUUID(0), r.getString(1)));
          return out;
        });
  }

  public Uni<Integer> insert(SqlClient sql, List<NewClick> clicks, Instant receivedAt) {
    int n = clicks.size();
    UUID[] ids = new UUID[n];
    UUID[] codes = new UUID[n];
    String[] sellers = new String[n];
    String[] devices = new String[n];
    String[] ips = new String[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    String[] reasons = new String[n];
    String[] risk = new String[n];
    UUID[] dupOf = new UUID[n];
    for (int i = 0; i < n; i++) {
      NewClick c = clicks.get(i);
      ids[i] = c.clickId();
      codes[i] = c.codeId();
      sellers[i] = c.sellerId();
      devices[i] = c.deviceId();
      ips[i] = c.ipHash();
      at[i] = odt(c.at());
      reasons[i] = c.invalidReason();
      risk[i] = c.riskReason();
      dupOf[i] = c.duplicateOf();
    }
    return sql.preparedQuery("INSERT INTO click(click_id, code_id, seller_id, device_id, ip_hash, occurred_at, invalid_reason, risk_reason, "
            + "duplicate_of, received_at) SELECT *, $10::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], "
            + "$6::timestamptz[], $7::text[], $8::text[], $9::uuid[]) ON CONFLICT DO NOTHING")
        .execute(Tuple.from(new Object[] {ids, codes, sellers, devices, ips, at, reasons, risk, dupOf, odt(receivedAt)}))
        .map(r -> r.rowCount());
  }

  /** Moves anchors forward (never back: a later counted click wins). */
  public Uni<Void> saveAnchors(SqlClient sql, Map<String, ClickClassifier.Anchor> anchors) {
    if (anchors.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = anchors.size();
    UUID[] codes = new UUID[n];
    String[] devices = new String[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    UUID[] clicks = new UUID[n];
    int i = 0;
    for (Map.Entry<String, ClickClassifier.Anchor> e : anchors.entrySet()) {
      int nl = e.getKey().indexOf('\n');
      codes[i] = UUID.fromString(e.getKey().substring(0, nl));
      devices[i] = e.getKey().substring(nl + 1);
      at[i] = odt(e.getValue().countedAt());
      clicks[i] = e.getValue().clickId();
      i++;
    }
    return sql.preparedQuery("INSERT INTO dedupe_anchor(code_id, device_id, counted_at, click_id) "
            + "SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::uuid[]) ON CONFLICT (code_id, device_id) DO UPDATE "
            + "SET counted_at = EXCLUDED.counted_at, click_id = EXCLUDED.click_id WHERE dedupe_anchor.counted_at < EXCLUDED.counted_at")
        .execute(Tuple.of(codes, devices, at, clicks)).replaceWithVoid();
  }

  /** A click as a seller sees it: every refused click shows its reason. */
  public record ClickView(UUID clickId, UUID codeId, Instant at, String invalidReason, String riskReason, UUID duplicateOf) {
  }

  public Uni<ClickView> findOwned(SqlClient sql, String sellerId, UUID clickId) {
    return sql.preparedQuery("SELECT click_id, code_id, occurred_at, invalid_reason, risk_reason, duplicate_of FROM click "
            + "WHERE click_id = $1 AND seller_id = $2").execute(Tuple.of(clickId, sellerId))
        .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
  }

  private static ClickView view(Row r) {
    return new ClickView(r.getUUID(0), r.getUUID(1), instant(r.getOffsetDateTime(2)), r.getString(3), r.getString(4), r.getUUID(5));
  }
}
