package com.sellergrowth.coupon.service;

import com.sellergrowth.coupon.cache.ClaimGate.Reservation;
import com.sellergrowth.coupon.cache.ClaimGate;
import com.sellergrowth.coupon.config.CouponConfig;
import com.sellergrowth.coupon.domain.ClaimPolicy;
import com.sellergrowth.coupon.domain.CouponStatus;
import com.sellergrowth.coupon.domain.RefusalCode;
import com.sellergrowth.coupon.domain.StockFreshness;
import com.sellergrowth.coupon.domain.Variant;
import com.sellergrowth.coupon.persistence.ClaimRepository;
import com.sellergrowth.coupon.persistence.ClaimStore.ClaimRow;
import com.sellergrowth.coupon.persistence.ClaimStore;
import com.sellergrowth.coupon.persistence.CouponClaim;
import com.sellergrowth.events.coupon.ClaimRejectedV1;
import com.sellergrowth.events.coupon.CouponClaimedV1;
import com.sellergrowth.support.geo.GeoIpCountries;
import com.sellergrowth.support.idempotency.IdempotencyKeys;
import com.sellergrowth.support.ids.TimeOrderedIds;
import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.sql.PgSql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The storefront's claim (CPN-3, 7, 8, 9, 12, 17). One PostgreSQL read decides the rules, one Redis script reserves quantity,
 * per-buyer limit and budget atomically, and one statement stores the claim with its outbox event; concurrent claims share
 * the read and the write (ADR 7). A refusal is stored with its code and published too (CPN-10).
 */
@ApplicationScoped
public class ClaimService {
  private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ClaimService.class);

  /** A claim request from the storefront. */
  public record ClaimRequest(String buyerId, String buyerCountry, String ip, String deviceId) {
  }

  /** Either the claim or the refusal. */
  public record ClaimOutcome(CouponClaim claim, RefusalCode refusal) {
    static ClaimOutcome refused(RefusalCode code) {
      return new ClaimOutcome(null, code);
    }
  }

  private final ClaimStore store;
  private final ClaimRepository claims;
  private final ClaimGate gate;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final Clock clock;
  private final StockFreshness freshness;
  private final Duration arbitrationWindow;
  private final Duration reservationTimeout;
  private final GateRebuilder rebuilder;
  private final GeoIpCountries countries;
  /** SQLSTATE of V3's issuance trigger: the statement would pass a coupon's total quantity or budget. */
  static final String TOTAL_GUARD = "CP003";
  /** Claims by outcome ("claimed" or the refusal code), registered once: the registry's lookup is not free per request. */
  private final Counter claimed;
  private final Map<RefusalCode, Counter> refused = new EnumMap<>(RefusalCode.class);

  public ClaimService(ClaimStore store, ClaimRepository claims, ClaimGate gate, Outbox outbox, IdempotencyKeys idempotency,
      Clock clock, CouponConfig config, MeterRegistry metrics, GateRebuilder rebuilder) {
    this.store = store;
    this.claims = claims;
    this.gate = gate;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.clock = clock;
    this.freshness = new StockFreshness(config.stock().syncInterval(), config.stock().allowedDelay());
    this.arbitrationWindow = config.claims().arbitrationWindow();
    this.reservationTimeout = config.claims().reservationTimeout();
    this.rebuilder = rebuilder;
    this.countries = new GeoIpCountries(config.claims().geoipDatabase());
    this.claimed = metrics.counter("coupon.claims", "outcome", "claimed");
    for (RefusalCode code : RefusalCode.values()) {
      refused.put(code, metrics.counter("coupon.claims", "outcome", code.name()));
    }
  }

  /** The Idempotency-Key of a claim: its scope, the key and the fingerprint of the request it was first used with. */
  private record IdempotentRequest(String scope, String key, String hash) {
  }

  public Uni<ClaimOutcome> claim(UUID couponId, ClaimRequest r, String idempotencyKey) {
    if (idempotencyKey == null) {
      return claimOnce(couponId, r, null);
    }
    IdempotentRequest idem = new IdempotentRequest("storefront:claim:" + couponId, idempotencyKey,
        IdempotencyKeys.hash(r.buyerId() + '|' + r.buyerCountry()));
    return Panache.withSession(() -> idempotency.find(idem.scope(), idem.key(), idem.hash()))
        .chain(stored -> stored == null ? claimOnce(couponId, r, idem) : answer(stored));
  }

  /** The answer kept under an Idempotency-Key: the claim, or a refusal (a retry: no second refusal row or event). */
  private Uni<ClaimOutcome> answer(IdempotencyKeys.StoredResponse stored) {
    if (stored.body().startsWith(REFUSED)) {
      return Uni.createFrom().item(ClaimOutcome.refused(RefusalCode.valueOf(stored.body().substring(REFUSED.length()))));
    }
    return Panache.withSession(() -> claims.findById(UUID.fromString(stored.body()))).map(c -> new ClaimOutcome(c, null));
  }

  /** The stored answer of a refused claim under its Idempotency-Key: this prefix and the code. */
  private static final String REFUSED = "REFUSED:";

  private Uni<ClaimOutcome> claimOnce(UUID couponId, ClaimRequest declared, IdempotentRequest idem) {
    Instant now = clock.instant();
    // CPN-7: the claim's address decides the buyer's country (the seed: a Polish address claiming a Spain-only coupon); the
    // declared country counts only when the address gives none. The decided one is checked, stored and published.
    ClaimRequest r = new ClaimRequest(declared.buyerId(), countries.of(declared.ip()).orElse(declared.buyerCountry()), declared.ip(),
        declared.deviceId());
    return store.claimRow(couponId, r.buyerId(), r.buyerCountry(), now.minus(arbitrationWindow), freshness.overdueBefore(now))
        .chain(row -> {
          if (row == null || row.check().storedStatus() == CouponStatus.DRAFT) {
            return Uni.createFrom().item(ClaimOutcome.refused(RefusalCode.ERR_COUPON_NOT_FOUND));
          }
          RefusalCode refusal = ClaimPolicy.check(row.check(), now).orElse(null);
          if (refusal != null) {
            return refuse(couponId, row, r, idem, refusal, now, !TRANSIENT.contains(refusal));
          }
          Variant variant = Variant.assign(CouponMapper.variants(row.variantsJson()), couponId.toString(), r.buyerId());
          long cost = variant == null ? row.faceValueMinor() : variant.faceValueMinor();
          return reserve(couponId, row, r.buyerId(), cost, now).chain(reservation -> switch (reservation) {
            case RESERVED -> store(couponId, row, r, variant, cost, now, idem);
            case ALREADY_CLAIMED -> store.buyerHolds(couponId, r.buyerId()).chain(holds -> holds
                ? refuse(couponId, row, r, idem, RefusalCode.ERR_CLAIM_LIMIT, now, true)
                // Redis holds a reservation but PostgreSQL no claim: a request died in between (CPN-3). Once it is older than
                // any live request can be, this request takes it over instead of the buyer being locked out until the end.
                : gate.takeOver(couponId, r.buyerId(), now.minus(reservationTimeout), now).chain(took -> took
                    ? store(couponId, row, r, variant, cost, now, idem)
                    // a twin request of the buyer is in flight: with the same Idempotency-Key it is this very request, whose
                    // answer the twin keeps (nothing recorded here); without one, a second attempt refused and recorded
                    : idem != null ? Uni.createFrom().item(ClaimOutcome.refused(RefusalCode.ERR_CLAIM_LIMIT))
                    : refuse(couponId, row, r, null, RefusalCode.ERR_CLAIM_LIMIT, now, false)));
            case SOLD_OUT -> refuse(couponId, row, r, idem, RefusalCode.ERR_SOLD_OUT, now, true);
            case BUDGET_EXHAUSTED -> refuse(couponId, row, r, idem, RefusalCode.ERR_BUDGET_EXHAUSTED, now, true);
            case NOT_LOADED -> Uni.createFrom().failure(new IllegalStateException("claim gate of " + couponId + " could not be loaded"));
          });
        });
  }

  /** Reserves in Redis, rebuilding the gate from PostgreSQL first if Redis does not have it. */
  private Uni<Reservation> reserve(UUID couponId, ClaimRow row, String buyerId, long cost, Instant now) {
    return gate.reserve(couponId, buyerId, cost, now).chain(res -> res != Reservation.NOT_LOADED ? Uni.createFrom().item(res)
        : rebuilder.rebuild(couponId, row.totalQuantity(), row.budgetMinor(), row.check().endsAt(), now)
            .chain(() -> gate.reserve(couponId, buyerId, cost, now))
            // evicted again between the rebuild and the reservation: an outage of the gate as far as this request goes
            .map(again -> {
              if (again == Reservation.NOT_LOADED) {
                throw new ApiException(503, "ERR_UNAVAILABLE", "Service unavailable",
                    "the claim gate of this coupon is being rebuilt; nothing was changed; retry shortly").withHeader("Retry-After", "1");
              }
              return again;
            }));
  }

  private Uni<ClaimOutcome> store(UUID couponId, ClaimRow row, ClaimRequest r, Variant variant, long cost, Instant now,
      IdempotentRequest idem) {
    CouponClaim c = new CouponClaim();
    c.id = TimeOrderedIds.next(); // appended to the claims' primary key, not scattered over it (ADR 7)
    c.couponId = couponId;
    c.sellerId = row.sellerId();
    c.buyerId = r.buyerId();
    c.variant = variant == null ? null : variant.name();
    c.faceValueMinor = cost;
    c.status = "UNUSED";
    c.buyerCountry = r.buyerCountry();
    c.ip = r.ip();
    c.deviceId = r.deviceId();
    c.claimedAt = now;
    CouponClaimedV1 event = new CouponClaimedV1(couponId.toString(), c.id.toString(), row.sellerId(), r.buyerId(), r.buyerCountry(),
        c.variant, r.ip(), r.deviceId(), now);
    // On a failure the reservation is handed back: the request answers 503 and must not leave the buyer reserved. If the commit
    // did happen (its acknowledgement lost), Redis now under-counts by one, and PostgreSQL's own count (V3) still refuses
    // any claim past the total or the budget, so CPN-3 holds either way (issue 15, docs/decisions/0011).
    if (idem == null) {
      return store.insertClaim(c, Outbox.row(couponId.toString(), event, now))
          .onFailure().call(() -> releaseQuietly(couponId, r.buyerId(), cost, now))
          .chain(stored -> switch (stored) {
            case STORED -> Uni.createFrom().item(claimed(c));
            // The unique (coupon, buyer) key caught a duplicate that Redis let through (its state was rebuilt late): refuse,
            // and keep the reservation, which stands for the claim the buyer holds.
            case DUPLICATE -> refuse(couponId, row, r, null, RefusalCode.ERR_CLAIM_LIMIT, now, true);
            case SOLD_OUT -> resync(couponId).chain(() -> refuse(couponId, row, r, null, RefusalCode.ERR_SOLD_OUT, now, true));
            case BUDGET_EXHAUSTED -> resync(couponId).chain(() -> refuse(couponId, row, r, null, RefusalCode.ERR_BUDGET_EXHAUSTED, now, true));
          });
    }
    // with an Idempotency-Key the answer is stored in the same transaction as the claim; V3's trigger holds the total
    return Panache.withTransaction(() -> claims.persist(c)
            .call(() -> outbox.append(couponId.toString(), event, now))
            .call(() -> idempotency.save(idem.scope(), idem.key(), idem.hash(), 201, c.id.toString())))
        .map(ignored -> claimed(c))
        // the buyer holds a claim already: refused, and the reservation kept (it stands for that claim)
        .onFailure(ClaimService::isBuyerDuplicate).recoverWithUni(() -> refuse(couponId, row, r, idem, RefusalCode.ERR_CLAIM_LIMIT, now, true))
        // a twin request with the same key answered first: its answer is this one's too
        .onFailure(ClaimService::isUniqueViolation).recoverWithUni(() -> releaseQuietly(couponId, r.buyerId(), cost, now)
            .chain(() -> Panache.withSession(() -> idempotency.find(idem.scope(), idem.key(), idem.hash())))
            .chain(stored -> stored == null ? Uni.createFrom().failure(new IllegalStateException("the key's answer vanished")) : answer(stored)))
        .onFailure(t -> PgSql.hasSqlState(t, TOTAL_GUARD))
        .recoverWithUni(() -> resync(couponId).chain(() -> refuse(couponId, row, r, idem, RefusalCode.ERR_SOLD_OUT, now, true)))
        .onFailure().call(() -> releaseQuietly(couponId, r.buyerId(), cost, now));
  }

  /**
   * Hands a failed request's reservation back, best effort: if Redis cannot be reached either, the request still answers
   * with its own failure (503), and the reservation is taken over by the buyer's next claim once stale (ADR 11).
   */
  private Uni<Void> releaseQuietly(UUID couponId, String buyerId, long cost, Instant reservedAt) {
    return gate.release(couponId, buyerId, cost, reservedAt).replaceWithVoid()
        .onFailure().invoke(e -> LOG.warnf("reservation of %s on %s not handed back: %s", buyerId, couponId, e.getMessage()))
        .onFailure().recoverWithNull();
  }

  /** PostgreSQL refused a claim Redis had let through: Redis is wrong about this coupon, so it is rebuilt from PostgreSQL. */
  private Uni<Void> resync(UUID couponId) {
    return gate.evict(couponId).replaceWithVoid();
  }

  private ClaimOutcome claimed(CouponClaim c) {
    claimed.increment();
    return new ClaimOutcome(c, null);
  }

  /** The unique (coupon, buyer) key refused the claim: the buyer holds one (CPN-3). */
  static boolean isBuyerDuplicate(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (String.valueOf(c.getMessage()).contains("one_claim_per_buyer")) {
        return true;
      }
    }
    return false;
  }

  static boolean isUniqueViolation(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConstraintViolationException || (c instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState()))
          || String.valueOf(c.getMessage()).contains("23505")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Refusals a later attempt may not meet (the coupon not started yet or paused, stock known again, a dispute closed): kept
   * under no Idempotency-Key, so a retry with the key is decided again, and recorded again (it is a new attempt, CPN-10).
   */
  private static final java.util.Set<RefusalCode> TRANSIENT = java.util.EnumSet.of(RefusalCode.ERR_COUPON_NOT_STARTED,
      RefusalCode.ERR_COUPON_PAUSED, RefusalCode.ERR_STOCK_SYNC_FAIL, RefusalCode.ERR_BUYER_DISPUTES);

  /**
   * Records a refusal (CPN-10) and, with an Idempotency-Key and a final answer, keeps it as the key's answer, so a retry is
   * answered the same without a second refusal row or event (issue 15). A concurrent twin with the same key may have saved
   * its answer first: fine, its own. A refusal because a twin request of the buyer is still in flight is not final.
   */
  private Uni<ClaimOutcome> refuse(UUID couponId, ClaimRow row, ClaimRequest r, IdempotentRequest idem, RefusalCode code, Instant now,
      boolean finalAnswer) {
    refused.get(code).increment();
    ClaimRejectedV1 event = new ClaimRejectedV1(couponId.toString(), row.sellerId(), r.buyerId(), code.name(), r.buyerCountry(), r.ip(), now);
    Uni<Void> recorded = store.insertRefusal(couponId, r.buyerId(), code.name(), r.buyerCountry(), r.ip(), now,
        Outbox.row(couponId.toString(), event, now));
    if (idem != null && finalAnswer) {
      recorded = recorded.call(() -> Panache.withTransaction(() -> idempotency.save(idem.scope(), idem.key(), idem.hash(), code.httpStatus(),
          REFUSED + code.name())).onFailure(ClaimService::isUniqueViolation).recoverWithNull());
    }
    return recorded.replaceWith(ClaimOutcome.refused(code));
  }
}
