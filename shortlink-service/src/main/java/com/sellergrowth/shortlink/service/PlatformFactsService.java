package com.sellergrowth.shortlink.service;

import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.events.platform.Violation;
import com.sellergrowth.shortlink.domain.SkuState;
import com.sellergrowth.shortlink.persistence.PlatformFacts;
import com.sellergrowth.shortlink.redirect.LinkResolver;
import com.sellergrowth.support.inbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Supplier;

/** Applies the platform's seller profiles (SHL-3) and stock (SHL-5), idempotently and in event time. */
@ApplicationScoped
public class PlatformFactsService {

  private final PlatformFacts facts;
  private final ProcessedEvents inbox;
  private final LinkResolver resolver;

  public PlatformFactsService(PlatformFacts facts, ProcessedEvents inbox, LinkResolver resolver) {
    this.facts = facts;
    this.inbox = inbox;
    this.resolver = resolver;
  }

  /** SHL-3: keeps what eligibility needs: entity type, verification and the latest serious violation. */
  public Uni<Boolean> onSellerProfileUpdated(String eventId, SellerProfileUpdatedV1 e) {
    Instant lastSerious = e.violations() == null ? null : e.violations().stream().filter(v -> "SERIOUS".equals(v.severity()))
        .map(Violation::occurredAt).max(Comparator.naturalOrder()).orElse(null);
    return once("shortlink-service:platform.sellers", eventId,
        () -> facts.upsertSeller(e.sellerId(), e.entityType(), e.verified(), lastSerious, e.occurredAt()));
  }

  /**
   * SHL-5: the SKU's latest observation decides whether its links go to the target or to the store page. After the commit the
   * state is written to Redis for redirects; if that write fails the event is retried (the inbox makes the retry a no-op in
   * PostgreSQL, and the Redis write happens again).
   */
  public Uni<Boolean> onStockSynced(String eventId, StockSyncedV1 e) {
    return Panache.withTransaction(() -> inbox.markFirstTime("shortlink-service:platform.stock", eventId)
            .chain(first -> facts.upsertStock(e.sku(), e.sellerId(), e.quantity(), e.listed(), e.observedAt())
                .map(state -> new Applied(first, state))))
        .call(r -> Uni.createFrom().completionStage(() -> resolver.putSku(e.sku(), r.state())))
        .map(Applied::first);
  }

  /** Whether the event was new, and the SKU's state after it (the upsert is idempotent, so a duplicate rewrites Redis harmlessly). */
  private record Applied(boolean first, SkuState state) {
  }

  private Uni<Boolean> once(String consumer, String eventId, Supplier<Uni<?>> effect) {
    return Panache.withTransaction(() -> inbox.applyOnce(consumer, eventId, effect));
  }
}
