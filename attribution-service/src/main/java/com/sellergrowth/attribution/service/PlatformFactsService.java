package com.sellergrowth.attribution.service;

import com.sellergrowth.attribution.persistence.PlatformFacts;
import com.sellergrowth.attribution.persistence.Sql;
import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies the platform's seller profiles (ATR-2) and stock (ERR_404), once each (inbox) and in event time. */
@ApplicationScoped
public class PlatformFactsService {
  private final Pool pool;
  private final PlatformFacts facts;

  public PlatformFactsService(Pool pool, PlatformFacts facts) {
    this.pool = pool;
    this.facts = facts;
  }

  public Uni<Boolean> onSellerProfileUpdated(String eventId, SellerProfileUpdatedV1 e) {
    return pool.withTransaction(sql -> Sql.firstTime(sql, "attribution-service:platform.sellers", eventId).call(first -> first
        ? facts.upsertSeller(sql, e.sellerId(), e.affiliateMember(), e.occurredAt()) : Uni.createFrom().voidItem()));
  }

  public Uni<Boolean> onStockSynced(String eventId, StockSyncedV1 e) {
    return pool.withTransaction(sql -> Sql.firstTime(sql, "attribution-service:platform.stock", eventId).call(first -> first
        ? facts.upsertStock(sql, e.sku(), e.sellerId(), e.quantity(), e.listed(), e.observedAt()) : Uni.createFrom().voidItem()));
  }
}
