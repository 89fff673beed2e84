package com.sellergrowth.gift.persistence;

import static com.sellergrowth.support.sql.PgSql.odt;

import com.sellergrowth.gift.domain.GiftDraft;
import com.sellergrowth.gift.domain.PhotoCheck;
import com.sellergrowth.gift.domain.PhotoRole;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Gift SKUs, their photos and their review history (GFT-2), and their stock in the gift warehouse (GFT-4). */
@ApplicationScoped
public class GiftStore {
  /** A photo's metadata (its bytes stay in the table). */
  public record Photo(UUID id, String role, String contentType, int sizeBytes, int width, int height, String sha256, Instant createdAt) {
  }

  /** One line of a gift's review history. */
  public record Audit(String actor, String action, String fromStatus, String toStatus, List<String> reasonCodes, String note, Instant at) {
  }

  /** Stock in the gift warehouse: on hand, reserved by open dispatches, and what is left to promise. */
  public record Stock(long onHand, long reserved) {
    public long available() {
      return onHand - reserved;
    }
  }

  public Uni<Void> insert(SqlClient sql, UUID id, String sellerId, GiftDraft d, Instant now) {
    return sql.preparedQuery("INSERT INTO gift(id, seller_id, name, category_id, composition, weight_grams, packaging, packaging_registration, "
            + "filing_number, msds_reference, certification_marks, front_not_for_sale, front_brand_logo, no_infringement, status, created_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'DRAFT', $15)")
        .execute(Tuple.from(new Object[] {id, sellerId, d.name(), d.categoryId(), d.composition(), d.weightGrams(), d.packaging(),
            d.packagingRegistration(), d.filingNumber(), d.msdsReference(), d.certificationMarks().toArray(String[]::new), d.frontNotForSale(),
            d.frontBrandLogo(), d.noInfringementDeclared(), odt(now)}))
        .chain(() -> sql.preparedQuery("INSERT INTO gift_stock(gift_id, seller_id) VALUES ($1, $2)").execute(Tuple.of(id, sellerId)))
        .replaceWithVoid();
  }

  /** Replaces the declared fields of a DRAFT or REJECTED gift at the version read; it becomes a DRAFT again. Null: no such row. */
  public Uni<GiftRow> update(SqlClient sql, UUID id, String sellerId, int version, GiftDraft d) {
    return sql.preparedQuery("UPDATE gift SET name = $4, category_id = $5, composition = $6, weight_grams = $7, packaging = $8, "
            + "packaging_registration = $9, filing_number = $10, msds_reference = $11, certification_marks = $12, front_not_for_sale = $13, "
            + "front_brand_logo = $14, no_infringement = $15, status = 'DRAFT', reasons = '{}', version = version + 1 "
            + "WHERE id = $1 AND seller_id = $2 AND version = $3 AND status IN ('DRAFT', 'REJECTED') RETURNING " + GiftRow.COLUMNS)
        .execute(Tuple.from(new Object[] {id, sellerId, version, d.name(), d.categoryId(), d.composition(), d.weightGrams(), d.packaging(),
            d.packagingRegistration(), d.filingNumber(), d.msdsReference(), d.certificationMarks().toArray(String[]::new), d.frontNotForSale(),
            d.frontBrandLogo(), d.noInfringementDeclared()}))
        .map(GiftStore::first);
  }

  /** A seller's gift (another seller's id is absent), optionally locked for the transaction. */
  public Uni<GiftRow> find(SqlClient sql, UUID id, String sellerId, boolean lock) {
    return sql.preparedQuery("SELECT " + GiftRow.COLUMNS + " FROM gift WHERE id = $1 AND ($2::text IS NULL OR seller_id = $2)"
            + (lock ? " FOR UPDATE" : "")).execute(Tuple.of(id, sellerId)).map(GiftStore::first);
  }

  public Uni<List<GiftRow>> list(SqlClient sql, String sellerId, String status, int page, int size) {
    return sql.preparedQuery("SELECT " + GiftRow.COLUMNS + " FROM gift WHERE seller_id = $1 AND ($2::text IS NULL OR status = $2) "
            + "ORDER BY created_at DESC, id LIMIT $3 OFFSET $4").execute(Tuple.of(sellerId, status, size, (long) page * size))
        .map(GiftStore::all);
  }

  /** The operators' queue: gifts waiting for review, oldest submission first. */
  public Uni<List<GiftRow>> queue(SqlClient sql, int page, int size) {
    return sql.preparedQuery("SELECT " + GiftRow.COLUMNS + " FROM gift WHERE status = 'IN_REVIEW' ORDER BY submitted_at, id LIMIT $1 OFFSET $2")
        .execute(Tuple.of(size, (long) page * size)).map(GiftStore::all);
  }

  /** Moves a gift from one of {@code from} to {@code to} at the version read; null when the version or state moved on. */
  public Uni<GiftRow> transition(SqlClient sql, UUID id, String sellerId, int version, List<String> from, String to, List<String> reasons,
      String note, Instant now, String reviewer) {
    boolean review = reviewer != null;
    return sql.preparedQuery("UPDATE gift SET status = $5, reasons = $6, review_note = $7, version = version + 1, "
            + (review ? "reviewed_at = $8, reviewed_by = $9 " : "submitted_at = $8, reviewed_at = NULL, reviewed_by = $9 ")
            + "WHERE id = $1 AND ($2::text IS NULL OR seller_id = $2) AND version = $3 AND status = ANY($4) RETURNING " + GiftRow.COLUMNS)
        .execute(Tuple.from(new Object[] {id, sellerId, version, from.toArray(String[]::new), to, reasons.toArray(String[]::new), note,
            odt(now), reviewer}))
        .map(GiftStore::first);
  }

  public Uni<Void> audit(SqlClient sql, UUID giftId, String actor, String action, String from, String to, List<String> reasons, String note,
      Instant at) {
    return sql.preparedQuery("INSERT INTO gift_review_audit(gift_id, actor, action, from_status, to_status, reason_codes, note, at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(Tuple.from(new Object[] {giftId, actor, action, from, to, reasons.toArray(String[]::new), note, odt(at)})).replaceWithVoid();
  }

  public Uni<List<Audit>> history(SqlClient sql, UUID giftId) {
    return sql.preparedQuery("SELECT actor, action, from_status, to_status, reason_codes, note, at FROM gift_review_audit WHERE gift_id = $1 "
            + "ORDER BY id").execute(Tuple.of(giftId)).map(rows -> {
              List<Audit> out = new ArrayList<>();
              rows.forEach(r -> out.add(new Audit(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                  List.of(r.getArrayOfStrings(4)), r.getString(5), GiftRow.instant(r, "at"))));
              return out;
            });
  }

  /** Stores a checked photo; the same bytes twice for a gift are one photo (answered as stored). */
  public Uni<Photo> addPhoto(SqlClient sql, UUID giftId, PhotoRole role, PhotoCheck.Accepted a, byte[] data, Instant now) {
    return sql.preparedQuery("INSERT INTO gift_photo(id, gift_id, role, content_type, size_bytes, width, height, sha256, data, created_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (gift_id, sha256) DO UPDATE SET role = EXCLUDED.role")
        .execute(Tuple.from(new Object[] {UUID.randomUUID(), giftId, role.name(), a.contentType(), a.sizeBytes(), a.width(), a.height(),
            a.sha256(), io.vertx.core.buffer.Buffer.buffer(data), odt(now)}))
        .chain(() -> sql.preparedQuery("SELECT id, role, content_type, size_bytes, width, height, sha256, created_at FROM gift_photo "
            + "WHERE gift_id = $1 AND sha256 = $2").execute(Tuple.of(giftId, a.sha256())))
        .map(rows -> photo(rows.iterator().next()));
  }

  /** A photo's bytes as uploaded. */
  public record PhotoBytes(String contentType, byte[] data) {
  }

  public Uni<PhotoBytes> photoBytes(SqlClient sql, UUID giftId, UUID photoId) {
    return sql.preparedQuery("SELECT content_type, data FROM gift_photo WHERE gift_id = $1 AND id = $2").execute(Tuple.of(giftId, photoId))
        .map(rows -> rows.size() == 0 ? null
            : new PhotoBytes(rows.iterator().next().getString(0), rows.iterator().next().getBuffer(1).getBytes()));
  }

  /** Deletes a photo; whether it existed. */
  public Uni<Boolean> deletePhoto(SqlClient sql, UUID giftId, UUID photoId) {
    return sql.preparedQuery("DELETE FROM gift_photo WHERE gift_id = $1 AND id = $2").execute(Tuple.of(giftId, photoId))
        .map(r -> r.rowCount() == 1);
  }

  public Uni<List<Photo>> photos(SqlClient sql, UUID giftId) {
    return sql.preparedQuery("SELECT id, role, content_type, size_bytes, width, height, sha256, created_at FROM gift_photo WHERE gift_id = $1 "
            + "ORDER BY created_at, id").execute(Tuple.of(giftId)).map(rows -> {
              List<Photo> out = new ArrayList<>();
              rows.forEach(r -> out.add(photo(r)));
              return out;
            });
  }

  public Uni<Stock> stock(SqlClient sql, UUID giftId) {
    return sql.preparedQuery("SELECT on_hand, reserved FROM gift_stock WHERE gift_id = $1").execute(Tuple.of(giftId))
        .map(rows -> rows.size() == 0 ? new Stock(0, 0) : new Stock(rows.iterator().next().getLong(0), rows.iterator().next().getLong(1)));
  }

  private static Photo photo(Row r) {
    return new Photo(r.getUUID(0), r.getString(1), r.getString(2), r.getInteger(3), r.getInteger(4), r.getInteger(5), r.getString(6),
        GiftRow.instant(r, "created_at"));
  }

  private static GiftRow first(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
    return rows.size() == 0 ? null : GiftRow.of(rows.iterator().next());
  }

  private static List<GiftRow> all(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
    List<GiftRow> out = new ArrayList<>();
    rows.forEach(r -> out.add(GiftRow.of(r)));
    return out;
  }
}
