package com.sellergrowth.attribution.persistence;

import static com.sellergrowth.attribution.persistence.Sql.instant;
import static com.sellergrowth.attribution.persistence.Sql.odt;

import com.sellergrowth.attribution.domain.CodeStatus;
import com.sellergrowth.attribution.domain.MarketingCode;
import com.sellergrowth.attribution.domain.Utm;
import com.sellergrowth.attribution.domain.ValidCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Marketing codes. Every change is a conditional statement: the natural key refuses a second active twin, the version a lost update. */
@ApplicationScoped
public class CodeStore {
  private static final String COLUMNS = "id, seller_id, target, sku, utm_source, utm_medium, utm_campaign, utm_content, utm_term, link, "
      + "key_id, status, version, created_at, archived_at";
  private final Pool pool;

  public CodeStore(Pool pool) {
    this.pool = pool;
  }

  public Pool pool() {
    return pool;
  }

  /** Inserts an active code unless the seller already has an active one with the same parameters (then null). */
  public Uni<Boolean> insert(SqlClient sql, MarketingCode c) {
    Utm u = c.code().utm();
    return sql.preparedQuery("INSERT INTO marketing_code(" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) "
            + "ON CONFLICT DO NOTHING")
        .execute(Tuple.from(new Object[] {c.id(), c.sellerId(), c.code().target(), c.code().sku(), u.source(), u.medium(), u.campaign(),
            u.content(), u.term(), c.link(), c.keyId(), c.status().name(), c.version(), odt(c.createdAt()), odt(c.archivedAt())}))
        .map(r -> r.rowCount() == 1);
  }

  /** The seller's active code with these parameters, if any. */
  public Uni<MarketingCode> findActiveTwin(SqlClient sql, String sellerId, ValidCode c) {
    Utm u = c.utm();
    return sql.preparedQuery("SELECT " + COLUMNS + " FROM marketing_code WHERE seller_id = $1 AND status = 'ACTIVE' AND utm_source = $2 "
            + "AND utm_medium = $3 AND utm_campaign = $4 AND utm_content = $5 AND coalesce(utm_term, '') = coalesce($6, '') AND target = $7")
        .execute(Tuple.from(new Object[] {sellerId, u.source(), u.medium(), u.campaign(), u.content(), u.term(), c.target()}))
        .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
  }

  /** The seller's code (another seller's is as absent as a missing one). */
  public Uni<MarketingCode> findOwned(String sellerId, UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM marketing_code WHERE id = $1 AND seller_id = $2").execute(Tuple.of(id, sellerId))
        .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
  }

  public Uni<List<MarketingCode>> listOwned(String sellerId, CodeStatus status, int page, int size) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM marketing_code WHERE seller_id = $1 AND ($2::text IS NULL OR status = $2) "
            + "ORDER BY created_at DESC, id LIMIT $3 OFFSET $4")
        .execute(Tuple.of(sellerId, status == null ? null : status.name(), size, (long) page * size))
        .map(rows -> {
          List<MarketingCode> out = new ArrayList<>();
          rows.forEach(r -> out.add(of(r)));
          return out;
        });
  }

  /** Archives the code if it is still at {@code version} and active; the archived code, or null when nothing matched. */
  public Uni<MarketingCode> archive(SqlClient sql, String sellerId, UUID id, int version, Instant now) {
    return sql.preparedQuery("UPDATE marketing_code SET status = 'ARCHIVED', archived_at = $4, version = version + 1 "
            + "WHERE id = $1 AND seller_id = $2 AND version = $3 AND status = 'ACTIVE' RETURNING " + COLUMNS)
        .execute(Tuple.of(id, sellerId, version, odt(now)))
        .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
  }

  static MarketingCode of(Row r) {
    ValidCode code = new ValidCode(r.getString("target"), r.getString("sku"), new Utm(r.getString("utm_source"), r.getString("utm_medium"),
        r.getString("utm_campaign"), r.getString("utm_content"), r.getString("utm_term")));
    return new MarketingCode(r.getUUID("id"), r.getString("seller_id"), code, r.getString("link"), r.getString("key_id"),
        CodeStatus.valueOf(r.getString("status")), r.getInteger("version"), instant(r.getOffsetDateTime("created_at")),
        instant(r.getOffsetDateTime("archived_at")));
  }
}
