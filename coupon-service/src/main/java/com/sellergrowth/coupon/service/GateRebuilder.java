package com.sellergrowth.coupon.service;

import com.sellergrowth.coupon.cache.ClaimGate;
import com.sellergrowth.coupon.persistence.ClaimStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds a coupon's claim gate in Redis from PostgreSQL when Redis has lost it (CPN-3, ADR 7). The buyers who hold claims
 * are read a page at a time by the unique key's index and staged in Redis a page per call, so a coupon with a million claims
 * is neither one query result nor one script; the counts come from the issuance row (V3) and are read last, so a claim stored
 * meanwhile is counted even if its buyer missed the pages (PostgreSQL's unique key then refuses the buyer's second claim).
 * One rebuild per coupon runs at a time in an instance; the claims that found the gate missing all wait for it.
 */
@ApplicationScoped
public class GateRebuilder {
  /** Buyers per page: one query and one Redis call each. */
  static final int PAGE = 5_000;

  private final ClaimStore store;
  private final ClaimGate gate;
  private final Map<UUID, Uni<Void>> running = new ConcurrentHashMap<>();

  public GateRebuilder(ClaimStore store, ClaimGate gate) {
    this.store = store;
    this.gate = gate;
  }

  /** Rebuilds the gate of a coupon that ends at {@code endsAt} (its keys live a day past it) unless another call set it first. */
  public Uni<Void> rebuild(UUID couponId, long totalQuantity, Long budgetMinor, Instant endsAt, Instant now) {
    // every waiter goes on on its own Vert.x context, not on the first caller's (Panache binds its session to the context)
    return ClaimGate.onCallersContext(Uni.createFrom().deferred(() -> running.computeIfAbsent(couponId,
        id -> rebuild(id, totalQuantity, budgetMinor, endsAt, now, PAGE)
            .onTermination().invoke(() -> running.remove(id))
            .memoize().indefinitely())));
  }

  Uni<Void> rebuild(UUID couponId, long totalQuantity, Long budgetMinor, Instant endsAt, Instant now, int pageSize) {
    long ttl = Duration.between(now, endsAt).plusDays(1).toSeconds();
    String staging = gate.stagingKey(couponId);
    return stagePages(couponId, staging, "", pageSize, ttl)
        .chain(() -> store.issuance(couponId))
        .chain(issued -> gate.load(couponId, staging, Math.max(0, totalQuantity - issued.claims()),
            budgetMinor == null ? -1 : Math.max(0, budgetMinor - issued.faceValueMinor()), ttl))
        .replaceWithVoid();
  }

  private Uni<Void> stagePages(UUID couponId, String staging, String after, int pageSize, long ttl) {
    return store.buyersAfter(couponId, after, pageSize).chain(page -> page.isEmpty() ? Uni.createFrom().voidItem()
        : gate.stage(staging, page, ttl).chain(() -> page.size() < pageSize ? Uni.createFrom().voidItem()
            : stagePages(couponId, staging, page.get(page.size() - 1), pageSize, ttl)));
  }
}
