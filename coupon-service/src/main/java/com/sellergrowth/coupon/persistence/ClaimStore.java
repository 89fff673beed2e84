package com.sellergrowth.coupon.persistence;

import static com.sellergrowth.coupon.persistence.CouponQueries.odt;

import com.sellergrowth.coupon.domain.ClaimCheck;
import com.sellergrowth.coupon.domain.CouponStatus;
import com.sellergrowth.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * The claim hot path's SQL, on the reactive PostgreSQL client with prepared statements: one read that decides the rules, and
 * one statement that writes the claim (or the refusal) together with its outbox row. A single statement is atomic by
 * itself, so the state change and its event commit together without a multi-round-trip transaction (ADR 3).
 */
@ApplicationScoped
public class ClaimStore {
  private static final String POOL_MATCH = "s.seller_id = c.seller_id AND (s.spu_id = ANY(c.pool_spus) OR s.category_id = ANY(c.pool_categories)"
      + " OR s.brand_id = ANY(c.pool_brands))";
  private static final String CLAIM_ROW = "SELECT c.seller_id, c.status, c.starts_at, c.ends_at, c.target_countries, c.first_order_only,"
      + " c.face_value_minor, c.variants_json, c.total_quantity, c.budget_minor,"
      + " (SELECT count(*) FROM buyer_arbitration a WHERE a.buyer_id = $2 AND a.escalated_at > $3),"
      + " EXISTS (SELECT 1 FROM buyer_order o WHERE o.buyer_id = $2 AND o.seller_id = c.seller_id),"
      + " (SELECT count(*) FROM sku_stock s WHERE " + POOL_MATCH + " AND s.listed AND s.quantity > 0),"
      + " (SELECT count(*) FROM sku_stock s WHERE " + POOL_MATCH + " AND (s.late OR s.synced_at < $4))"
      + " FROM coupon c WHERE c.id = $1";
  private static final String OUTBOX_VALUES = "$%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d";
  private static final String INSERT_CLAIM = "WITH c AS (INSERT INTO coupon_claim(id, coupon_id, seller_id, buyer_id, variant,"
      + " face_value_minor, status, buyer_country, ip, device_id, claimed_at) VALUES ($1, $2, $3, $4, $5, $6, 'UNUSED', $7, $8, $9, $10)"
      + " RETURNING id) INSERT INTO outbox_event(" + Outbox.COLUMNS + ") SELECT " + OUTBOX_VALUES.formatted(11, 12, 13, 14, 15, 16, 17, 18, 19)
      + " FROM c";
  private static final String INSERT_REFUSAL = "WITH r AS (INSERT INTO claim_refusal(coupon_id, buyer_id, stage, code, buyer_country, ip,"
      + " refused_at) VALUES ($1, $2, 'CLAIM', $3, $4, $5, $6) RETURNING id) INSERT INTO outbox_event(" + Outbox.COLUMNS + ") SELECT "
      + OUTBOX_VALUES.formatted(7, 8, 9, 10, 11, 12, 13, 14, 15) + " FROM r";

  /** What a claim needs from PostgreSQL, in one round trip. */
  public record ClaimRow(String sellerId, long faceValueMinor, String variantsJson, long totalQuantity, Long budgetMinor, ClaimCheck check) {
  }

  private final Pool pool;

  public ClaimStore(Pool pool) {
    this.pool = pool;
  }

  /** Everything a claim is decided on, or null when the coupon does not exist. */
  public Uni<ClaimRow> claimRow(UUID couponId, String buyerId, String buyerCountry, Instant arbitrationSince,
      Instant overdueBefore) {
    return pool.preparedQuery(CLAIM_ROW).execute(Tuple.of(couponId, buyerId, odt(arbitrationSince), odt(overdueBefore)))
        .map(rows -> {
          if (rows.size() == 0) {
            return null;
          }
          Row r = rows.iterator().next();
          ClaimCheck check = new ClaimCheck(CouponStatus.valueOf(r.getString(1)), r.getOffsetDateTime(2).toInstant(),
              r.getOffsetDateTime(3).toInstant(), Arrays.asList(r.getArrayOfStrings(4)), r.getBoolean(5), buyerCountry, r.getLong(10),
              r.getBoolean(11), r.getLong(12), r.getLong(13));
          return new ClaimRow(r.getString(0), r.getLong(6), r.getString(7), r.getLong(8), r.getLong(9), check);
        });
  }

  /** Inserts the claim and its outbox row in one statement; fails with a unique violation if the buyer already has a claim. */
  public Uni<Void> insertClaim(CouponClaim c, Outbox.Row event) {
    Tuple t = Tuple.from(new Object[] {c.id, c.couponId, c.sellerId, c.buyerId, c.variant, c.faceValueMinor, c.buyerCountry, c.ip,
        c.deviceId, odt(c.claimedAt)});
    return pool.preparedQuery(INSERT_CLAIM).execute(append(t, event)).replaceWithVoid();
  }

  /** Records a refused claim (CPN-10) and its outbox row in one statement. */
  public Uni<Void> insertRefusal(UUID couponId, String buyerId, String code, String country, String ip, Instant at, Outbox.Row event) {
    Tuple t = Tuple.from(new Object[] {couponId, buyerId, code, country, ip, odt(at)});
    return pool.preparedQuery(INSERT_REFUSAL).execute(append(t, event)).replaceWithVoid();
  }

  private static Tuple append(Tuple t, Outbox.Row event) {
    for (Object v : event.values()) {
      t.addValue(v);
    }
    return t;
  }
}
