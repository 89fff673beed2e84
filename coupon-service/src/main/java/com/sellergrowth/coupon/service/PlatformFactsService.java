package com.sellergrowth.coupon.service;

import com.sellergrowth.coupon.config.CouponConfig;
import com.sellergrowth.coupon.domain.StockFreshness;
import com.sellergrowth.coupon.persistence.PlatformFacts;
import com.sellergrowth.events.platform.DisputeClosedV1;
import com.sellergrowth.events.platform.DisputeEscalatedV1;
import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.support.inbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Applies the platform's stock, dispute and seller facts, idempotently and in event time. */
@ApplicationScoped
public class PlatformFactsService {
  private final PlatformFacts facts;
  private final ProcessedEvents inbox;
  private final StockFreshness freshness;

  public PlatformFactsService(PlatformFacts facts, ProcessedEvents inbox, CouponConfig config) {
    this.facts = facts;
    this.inbox = inbox;
    this.freshness = new StockFreshness(config.stock().syncInterval(), config.stock().allowedDelay());
  }

  /** CPN-8: the sync's arrival is its event time; late when that is more than the allowed delay after {@code observedAt}. */
  public Uni<Boolean> onStockSynced(String eventId, StockSyncedV1 e, Instant arrivedAt) {
    return once("coupon-service:platform.stock", eventId,
        () -> facts.upsertStock(e, arrivedAt, freshness.isLate(e.observedAt(), arrivedAt)));
  }

  /** CPN-9. */
  public Uni<Boolean> onDisputeEscalated(String eventId, DisputeEscalatedV1 e) {
    return once("coupon-service:platform.disputes", eventId, () -> facts.recordArbitration(e.disputeId(), e.buyerId(), e.occurredAt()));
  }

  /** CPN-9: a closed dispute is no longer "in arbitration". */
  public Uni<Boolean> onDisputeClosed(String eventId, DisputeClosedV1 e) {
    return once("coupon-service:platform.disputes", eventId, () -> facts.closeDispute(e.disputeId(), e.buyerId(), e.occurredAt()));
  }

  /** CPN-14. */
  public Uni<Boolean> onSellerProfileUpdated(String eventId, SellerProfileUpdatedV1 e) {
    return once("coupon-service:platform.sellers", eventId, () -> facts.upsertSeller(e));
  }

  private Uni<Boolean> once(String consumer, String eventId, java.util.function.Supplier<Uni<?>> effect) {
    return Panache.withTransaction(() -> inbox.applyOnce(consumer, eventId, effect));
  }
}
