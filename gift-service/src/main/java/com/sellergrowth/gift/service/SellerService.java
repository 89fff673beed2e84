package com.sellergrowth.gift.service;

import static com.sellergrowth.support.sql.PgSql.odt;

import com.sellergrowth.events.gift.GiftFeatureFrozenV1;
import com.sellergrowth.events.gift.GiftFeatureUnfrozenV1;
import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.gift.config.GiftConfig;
import com.sellergrowth.gift.domain.Eligibility;
import com.sellergrowth.gift.domain.SellerProfile;
import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.sql.PgSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The seller's standing for gifts: eligibility from the platform's profile (GFT-1) and the freeze risk-service decides and an
 * operator releases (GFT-9). Each event is applied once (inbox); profiles in event time (the latest wins).
 */
@ApplicationScoped
public class SellerService {
  static final String SELLERS = "gift-service:platform.sellers";
  static final String RISK = "gift-service:risk.decisions";

  private final Pool pool;
  private final Eligibility eligibility;

  public SellerService(Pool pool, GiftConfig config) {
    this.pool = pool;
    var e = config.eligibility();
    this.eligibility = new Eligibility(e.minStoreLevel(), e.minPositiveRating90dBp(), e.maxDisputeRate30dBp());
  }

  /** What a seller sees of their gift feature: eligible or every unmet condition, frozen or not, since when and why. */
  public record Standing(String sellerId, boolean eligible, List<Eligibility.Unmet> unmet, boolean frozen, Instant frozenSince,
      String frozenReason, String decisionId) {
  }

  /** A freeze in force. */
  public record Freeze(String decisionId, String reason, Instant since) {
  }

  public Uni<Boolean> onProfile(String eventId, SellerProfileUpdatedV1 e) {
    return pool.withTransaction(sql -> PgSql.firstTime(sql, SELLERS, eventId).call(first -> first
        ? sql.preparedQuery("INSERT INTO seller_profile(seller_id, entity_type, verified, payment_account_bound, payment_account_kyc, store_level, "
                + "positive_rating_bp, dispute_rate_bp, as_of) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (seller_id) DO UPDATE SET "
                + "entity_type = EXCLUDED.entity_type, verified = EXCLUDED.verified, payment_account_bound = EXCLUDED.payment_account_bound, "
                + "payment_account_kyc = EXCLUDED.payment_account_kyc, store_level = EXCLUDED.store_level, "
                + "positive_rating_bp = EXCLUDED.positive_rating_bp, dispute_rate_bp = EXCLUDED.dispute_rate_bp, as_of = EXCLUDED.as_of "
                + "WHERE seller_profile.as_of <= EXCLUDED.as_of")
            .execute(Tuple.from(new Object[] {e.sellerId(), e.entityType(), e.verified(), e.paymentAccountBound(), e.paymentAccountKycVerified(),
                e.storeLevel(), e.positiveRating90dBp(), e.disputeRate30dBp(), odt(e.occurredAt())})).replaceWithVoid()
        : Uni.createFrom().voidItem()));
  }

  /** GFT-9: risk-service froze the seller's gift feature; a later freeze replaces an earlier one. */
  public Uni<Boolean> onFreeze(String eventId, String sellerId, String decisionId, String reason, Instant at) {
    return pool.withTransaction(sql -> PgSql.firstTime(sql, RISK, eventId).call(first -> first
        ? sql.preparedQuery("INSERT INTO gift_freeze(seller_id, decision_id, reason, since) VALUES ($1, $2, $3, $4) ON CONFLICT (seller_id) "
                + "DO UPDATE SET decision_id = EXCLUDED.decision_id, reason = EXCLUDED.reason, since = EXCLUDED.since, released_at = NULL, "
                + "released_by = NULL WHERE gift_freeze.decision_id <> EXCLUDED.decision_id RETURNING seller_id")
            .execute(Tuple.of(sellerId, decisionId, reason, odt(at)))
            .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                : Outbox.insertAll(sql, List.of(Outbox.row(sellerId, new GiftFeatureFrozenV1(sellerId, decisionId, reason, at), at))))
        : Uni.createFrom().voidItem()));
  }

  /** GFT-9: an operator released the freeze decision: dispatches resume. A release of another (older) decision changes nothing. */
  public Uni<Boolean> onRelease(String eventId, String sellerId, String decisionId, String releasedBy, Instant at) {
    return pool.withTransaction(sql -> PgSql.firstTime(sql, RISK, eventId).call(first -> first
        ? sql.preparedQuery("UPDATE gift_freeze SET released_at = $3, released_by = $4 WHERE seller_id = $1 AND decision_id = $2 "
                + "AND released_at IS NULL RETURNING seller_id").execute(Tuple.of(sellerId, decisionId, odt(at), releasedBy))
            .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                : Outbox.insertAll(sql, List.of(Outbox.row(sellerId, new GiftFeatureUnfrozenV1(sellerId, decisionId, releasedBy, at), at))))
        : Uni.createFrom().voidItem()));
  }

  public Uni<Standing> standing(String sellerId) {
    return pool.withConnection(sql -> profile(sql, sellerId).chain(p -> freeze(sql, sellerId).map(f -> {
      List<Eligibility.Unmet> unmet = eligibility.unmet(p);
      return new Standing(sellerId, unmet.isEmpty(), unmet, f != null, f == null ? null : f.since(), f == null ? null : f.reason(),
          f == null ? null : f.decisionId());
    })));
  }

  /** Refuses (403 ERR_GFT_NOT_ELIGIBLE, every unmet condition with the seller's value and the bar) a seller who may not use gifts. */
  public Uni<Void> requireEligible(SqlClient sql, String sellerId) {
    return profile(sql, sellerId).map(p -> {
      List<Eligibility.Unmet> unmet = eligibility.unmet(p);
      if (!unmet.isEmpty()) {
        throw new ApiException(403, "ERR_GFT_NOT_ELIGIBLE", "Not eligible for gifts",
            "the seller does not meet every condition of the gift feature (GFT-1)",
            unmet.stream().map(u -> new FieldError(u.condition(), u.code(), u.condition() + " is " + u.value() + "; needs " + u.bar())).toList());
      }
      return null;
    });
  }

  public Eligibility eligibility() {
    return eligibility;
  }

  /** The profiles of these sellers (absent: never received). */
  public Uni<java.util.Map<String, SellerProfile>> profiles(SqlClient sql, java.util.Set<String> sellerIds) {
    return sql.preparedQuery("SELECT seller_id, entity_type, verified, payment_account_bound, payment_account_kyc, store_level, "
            + "positive_rating_bp, dispute_rate_bp FROM seller_profile WHERE seller_id = ANY($1)")
        .execute(Tuple.of(sellerIds.toArray(String[]::new))).map(rows -> {
          java.util.Map<String, SellerProfile> out = new java.util.HashMap<>();
          rows.forEach(r -> out.put(r.getString(0), profile(r)));
          return out;
        });
  }

  public Uni<SellerProfile> profile(SqlClient sql, String sellerId) {
    return sql.preparedQuery("SELECT seller_id, entity_type, verified, payment_account_bound, payment_account_kyc, store_level, positive_rating_bp, "
            + "dispute_rate_bp FROM seller_profile WHERE seller_id = $1").execute(Tuple.of(sellerId))
        .map(rows -> rows.size() == 0 ? null : profile(rows.iterator().next()));
  }

  public Uni<Freeze> freeze(SqlClient sql, String sellerId) {
    return sql.preparedQuery("SELECT decision_id, reason, since FROM gift_freeze WHERE seller_id = $1 AND released_at IS NULL")
        .execute(Tuple.of(sellerId)).map(rows -> {
          if (rows.size() == 0) {
            return null;
          }
          Row r = rows.iterator().next();
          return new Freeze(r.getString(0), r.getString(1), r.getOffsetDateTime(2).toInstant());
        });
  }

  private static SellerProfile profile(Row r) {
    return new SellerProfile(r.getString(0), r.getString(1), r.getBoolean(2), r.getBoolean(3), r.getBoolean(4), r.getInteger(5),
        r.getInteger(6), r.getInteger(7));
  }
}
