package com.sellergrowth.attribution.persistence;

import static com.sellergrowth.attribution.persistence.Sql.odt;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Seller profiles (ATR-2) and SKU stock (ERR_404) from the platform's topics; the latest by event time wins. */
@ApplicationScoped
public class PlatformFacts {
  private final Pool pool;

  public PlatformFacts(Pool pool) {
    this.pool = pool;
  }

  public Uni<Void> upsertSeller(SqlClient sql, String sellerId, boolean affiliateMember, Instant asOf) {
    return sql.preparedQuery("INSERT INTO seller_profile(seller_id, affiliate_member, as_of) VALUES ($1, $2, $3) "
            + "ON CONFLICT (seller_id) DO UPDATE SET affiliate_member = EXCLUDED.affiliate_member, as_of = EXCLUDED.as_of "
            + "WHERE seller_profile.as_of <= EXCLUDED.as_of")
        .execute(Tuple.of(sellerId, affiliateMember, odt(asOf))).replaceWithVoid();
  }

  public Uni<Void> upsertStock(SqlClient sql, String sku, String sellerId, long quantity, boolean listed, Instant observedAt) {
    return sql.preparedQuery("INSERT INTO sku_stock(sku, seller_id, quantity, listed, observed_at) VALUES ($1, $2, $3, $4, $5) "
            + "ON CONFLICT (sku) DO UPDATE SET seller_id = EXCLUDED.seller_id, quantity = EXCLUDED.quantity, listed = EXCLUDED.listed, "
            + "observed_at = EXCLUDED.observed_at WHERE sku_stock.observed_at <= EXCLUDED.observed_at")
        .execute(Tuple.of(sku, sellerId, quantity, listed, odt(observedAt))).replaceWithVoid();
  }

  /** ATR-2: the seller's affiliate membership; null when the platform never sent the profile. */
  public Uni<Boolean> affiliateMember(String sellerId) {
    return pool.preparedQuery("SELECT affiliate_member FROM seller_profile WHERE seller_id = $1").execute(Tuple.of(sellerId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getBoolean(0));
  }
}
