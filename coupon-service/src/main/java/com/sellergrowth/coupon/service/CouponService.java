package com.sellergrowth.coupon.service;

import com.sellergrowth.coupon.domain.CouponDraft;
import com.sellergrowth.coupon.domain.CouponDraftValidator;
import com.sellergrowth.coupon.domain.CouponInsights;
import com.sellergrowth.coupon.domain.CouponStatus;
import com.sellergrowth.coupon.domain.ProductPool;
import com.sellergrowth.coupon.domain.Variant;
import com.sellergrowth.coupon.persistence.ClaimRepository;
import com.sellergrowth.coupon.persistence.Coupon;
import com.sellergrowth.coupon.persistence.CouponClaim;
import com.sellergrowth.coupon.persistence.CouponQueries;
import com.sellergrowth.coupon.persistence.CouponRepository;
import com.sellergrowth.coupon.persistence.PlatformFacts;
import com.sellergrowth.events.coupon.CouponCreatedV2;
import com.sellergrowth.events.coupon.CouponEndedV1;
import com.sellergrowth.events.coupon.CouponExpiredV1;
import com.sellergrowth.events.coupon.CouponPausedV1;
import com.sellergrowth.events.coupon.CouponResumedV1;
import com.sellergrowth.support.idempotency.IdempotencyKeys;
import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/** The seller's use cases: create, publish, pause, resume, end, claim details, analytics. Opens the transactions. */
@ApplicationScoped
public class CouponService {
  private final CouponRepository coupons;
  private final ClaimRepository claims;
  private final CouponQueries queries;
  private final PlatformFacts facts;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final Clock clock;

  public CouponService(CouponRepository coupons, ClaimRepository claims, CouponQueries queries, PlatformFacts facts, Outbox outbox,
      IdempotencyKeys idempotency, Clock clock) {
    this.coupons = coupons;
    this.claims = claims;
    this.queries = queries;
    this.facts = facts;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.clock = clock;
  }

  /**
   * Creates a coupon (CPN-1..7, 11, 12, 14, 16). A retry with the same Idempotency-Key returns the first coupon. Concurrent
   * first attempts with one key: the losers' key insert waits for the winner's commit and hits the primary key; their
   * transactions roll back and are run once more, which finds the winner's answer and returns it (issue 15: they were 500s).
   */
  public Uni<Coupon> create(String sellerId, CouponDraft draft, String idempotencyKey, String requestHash) {
    return createOnce(sellerId, draft, idempotencyKey, requestHash)
        .onFailure(f -> idempotencyKey != null && isUniqueViolation(f)).recoverWithUni(() -> createOnce(sellerId, draft, idempotencyKey,
            requestHash));
  }

  private Uni<Coupon> createOnce(String sellerId, CouponDraft draft, String idempotencyKey, String requestHash) {
    String scope = "seller:" + sellerId + ":create-coupon";
    return Panache.withTransaction(() -> (idempotencyKey == null ? Uni.createFrom().<IdempotencyKeys.StoredResponse>nullItem()
        : idempotency.find(scope, idempotencyKey, requestHash))
        .chain(stored -> stored != null ? coupons.findById(UUID.fromString(stored.body()))
            : createNew(sellerId, draft).call(c -> idempotencyKey == null ? Uni.createFrom().voidItem()
                : idempotency.save(scope, idempotencyKey, requestHash, 201, c.id.toString()))));
  }

  /** SQLSTATE 23505 anywhere in the chain (the reactive client's, or Hibernate's wrapping of it). */
  private static boolean isUniqueViolation(Throwable t) {
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      String state = c instanceof io.vertx.pgclient.PgException pg ? pg.getSqlState()
          : c instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState()
          : c instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
      if ("23505".equals(state)) {
        return true;
      }
    }
    return false;
  }

  private Uni<Coupon> createNew(String sellerId, CouponDraft d) {
    Instant now = clock.instant();
    ProductPool pool = d.pool() == null ? new ProductPool(null, null, null) : d.pool();
    return requireEligible(sellerId)
        .chain(() -> pool.isEmpty() ? Uni.createFrom().<long[]>nullItem() : queries.poolPrices(sellerId, pool))
        .chain(prices -> {
          List<FieldError> errors = CouponDraftValidator.validate(d, now, prices == null ? OptionalLong.empty() : OptionalLong.of(prices[0]));
          if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ApiException.invalid(errors));
          }
          Coupon c = new Coupon();
          c.id = UUID.randomUUID();
          c.sellerId = sellerId;
          c.name = d.name();
          c.type = d.type();
          c.currency = d.currency();
          c.faceValueMinor = d.faceValueMinor();
          c.minOrderMinor = d.minOrderMinor();
          c.startsAt = d.startsAt();
          c.endsAt = d.endsAt();
          c.totalQuantity = d.totalQuantity();
          c.budgetMinor = d.budgetMinor();
          c.targetCountries = d.targetCountries().stream().distinct().toArray(String[]::new);
          c.poolSpus = pool.spus().toArray(String[]::new);
          c.poolCategories = pool.categories().toArray(String[]::new);
          c.poolBrands = pool.brands().toArray(String[]::new);
          c.logisticsRestricted = d.logisticsRestricted() == null || d.logisticsRestricted(); // CPN-11: on by default
          c.firstOrderOnly = Boolean.TRUE.equals(d.firstOrderOnly());
          c.stackableWithPlatform = Boolean.TRUE.equals(d.stackableWithPlatform());
          c.stackingGroup = d.stackingGroup() == null ? "default" : d.stackingGroup();
          c.exclusive = d.exclusive() == null || d.exclusive();
          c.grossMarginBp = d.grossMarginBp();
          c.variantsJson = CouponMapper.variantsJson(d.variants());
          c.status = Boolean.TRUE.equals(d.draft()) ? CouponStatus.DRAFT.name()
              : CouponStatus.effective(CouponStatus.ACTIVE, c.startsAt, c.endsAt, now).name();
          c.createdAt = now;
          c.updatedAt = now;
          // a draft is the seller's alone: the world (risk-service's pools, RSK-3) hears of the coupon when it is published
          return coupons.persist(c).call(saved -> CouponStatus.DRAFT.name().equals(c.status) ? Uni.createFrom().voidItem()
              : outbox.append(c.id.toString(), created(c, now), now));
        });
  }

  /** CPN-14: verified enterprise sellers with a bound, KYC-verified payment account. Every unmet condition is listed. */
  private Uni<Void> requireEligible(String sellerId) {
    return facts.seller(sellerId).map(row -> {
      List<FieldError> unmet = new ArrayList<>();
      if (row == null) {
        unmet.add(new FieldError("seller", "ERR_SELLER_UNKNOWN", "no seller profile has been received from the platform yet"));
      } else {
        if (!"ENTERPRISE".equals(row[0])) {
          unmet.add(new FieldError("seller.entityType", "ERR_NOT_ENTERPRISE", "only enterprise sellers may create coupons"));
        }
        if (!Boolean.TRUE.equals(row[1])) {
          unmet.add(new FieldError("seller.verified", "ERR_NOT_VERIFIED", "the seller is not verified"));
        }
        if (!Boolean.TRUE.equals(row[2])) {
          unmet.add(new FieldError("seller.paymentAccount", "ERR_PAYMENT_ACCOUNT_UNBOUND", "no payment account is bound"));
        }
        if (!Boolean.TRUE.equals(row[3])) {
          unmet.add(new FieldError("seller.paymentAccountKyc", "ERR_PAYMENT_ACCOUNT_KYC", "the payment account has not passed KYC"));
        }
      }
      if (!unmet.isEmpty()) {
        throw new ApiException(403, "ERR_SELLER_NOT_ELIGIBLE", "Seller not eligible", "the seller may not create coupons", unmet);
      }
      return null;
    });
  }

  public Uni<Coupon> get(String sellerId, UUID id) {
    return coupons.findOwned(id, sellerId).onItem().ifNull().failWith(() -> ApiException.notFound("coupon"));
  }

  public Uni<List<Coupon>> list(String sellerId, String status, int page, int size) {
    return coupons.listOwned(sellerId, status, page, size);
  }

  /**
   * DRAFT to SCHEDULED/ACTIVE, and {@code coupon.created} is published then, with the coupon as published (a draft publishes
   * nothing). Publishing a coupon that is already running changes nothing and publishes nothing (a retried command).
   */
  public Uni<Coupon> publish(String sellerId, UUID id) {
    return Panache.withTransaction(() -> get(sellerId, id).chain(c -> {
      CouponStatus stored = CouponStatus.valueOf(c.status);
      if (stored == CouponStatus.SCHEDULED || stored == CouponStatus.ACTIVE || stored == CouponStatus.PAUSED) {
        return Uni.createFrom().item(c);
      }
      if (stored != CouponStatus.DRAFT) {
        throw conflict("ERR_NOT_A_DRAFT", "an ended or expired coupon cannot be published");
      }
      Instant now = clock.instant();
      c.status = CouponStatus.effective(CouponStatus.ACTIVE, c.startsAt, c.endsAt, now).name();
      c.updatedAt = now;
      return outbox.append(c.id.toString(), created(c, now), now).replaceWith(c);
    }));
  }

  /** CPN-17: a seller pauses a running coupon. */
  public Uni<Coupon> pauseBySeller(String sellerId, UUID id, String reason) {
    Instant now = clock.instant();
    return Panache.withTransaction(() -> get(sellerId, id).chain(c -> {
      CouponStatus s = CouponStatus.effective(CouponStatus.valueOf(c.status), c.startsAt, c.endsAt, now);
      if (s == CouponStatus.PAUSED) {
        if ("RISK".equals(c.pausedBy) && c.sellerPauseReason == null) {
          c.sellerPauseReason = reason(reason); // kept when risk lets go
          c.updatedAt = now;
        }
        return Uni.createFrom().item(c);
      }
      if (s != CouponStatus.ACTIVE && s != CouponStatus.SCHEDULED) {
        return Uni.createFrom().failure(conflict("ERR_NOT_RUNNING", "only a scheduled or active coupon can be paused (it is " + s + ")"));
      }
      return pause(c, "SELLER", reason(reason), null, now);
    }));
  }

  private static String reason(String reason) {
    return reason == null || reason.isBlank() ? "paused by the seller" : reason;
  }

  /** CPN-17: a seller resumes their own pause; a risk pause is released only by an operator or a resolved rule. */
  public Uni<Coupon> resumeBySeller(String sellerId, UUID id) {
    Instant now = clock.instant();
    return Panache.withTransaction(() -> get(sellerId, id).chain(c -> {
      if (!CouponStatus.PAUSED.name().equals(c.status)) {
        return Uni.createFrom().item(c);
      }
      if ("RISK".equals(c.pausedBy)) {
        return Uni.createFrom().failure(conflict("ERR_RISK_PAUSED",
            "paused by risk control (decision " + c.riskDecisionId + "); an operator must release the decision"));
      }
      return resume(c, "SELLER", null, now);
    }));
  }

  public Uni<Coupon> end(String sellerId, UUID id) {
    Instant now = clock.instant();
    return Panache.withTransaction(() -> get(sellerId, id).chain(c -> {
      CouponStatus s = CouponStatus.effective(CouponStatus.valueOf(c.status), c.startsAt, c.endsAt, now);
      if (s == CouponStatus.ENDED || s == CouponStatus.EXPIRED) {
        return Uni.createFrom().item(c);
      }
      boolean announced = s != CouponStatus.DRAFT; // the world never heard of a draft: ending one tells it nothing
      c.status = CouponStatus.ENDED.name();
      c.updatedAt = now;
      return announced ? outbox.append(c.id.toString(), new CouponEndedV1(c.id.toString(), c.sellerId, now), now).replaceWith(c)
          : Uni.createFrom().item(c);
    }));
  }

  /**
   * Risk-service's PauseCoupon (RSK-1..3): the decision holds the coupon (coupon_risk_hold) until it is resolved or released;
   * a risk pause covers a seller's own pause, which comes back when the last decision lets go. False when the status did not
   * change (held already, or not running).
   */
  public Uni<Boolean> pauseByRisk(UUID id, String decisionId, String reason, Instant at) {
    return coupons.findById(id).chain(c -> {
      if (c == null) {
        return Uni.createFrom().item(false);
      }
      CouponStatus s = CouponStatus.effective(CouponStatus.valueOf(c.status), c.startsAt, c.endsAt, at);
      boolean riskPaused = s == CouponStatus.PAUSED && "RISK".equals(c.pausedBy);
      if (s != CouponStatus.ACTIVE && s != CouponStatus.SCHEDULED && s != CouponStatus.PAUSED) {
        return Uni.createFrom().item(false); // ended, expired or a draft: nothing to hold
      }
      // every decision is held, so that releasing one of two leaves the coupon paused
      return queries.addRiskHold(id, decisionId, reason, at).chain(() -> {
        if (riskPaused) {
          return Uni.createFrom().item(false); // already held by another decision
        }
        if (s == CouponStatus.PAUSED) {
          c.sellerPauseReason = c.pauseReason; // the seller's own pause, restored when risk lets go
        }
        return pause(c, "RISK", reason, decisionId, at).replaceWith(true);
      });
    });
  }

  /**
   * ResumeCoupon or DecisionReleased: the decision lets go of the coupon. It resumes only when no other open decision holds it,
   * and goes back to the seller's own pause if there was one under the risk pause. True when the coupon resumed.
   */
  public Uni<Boolean> resumeByRisk(UUID id, String decisionId, String resumedBy, Instant at) {
    return coupons.findById(id).chain(c -> c == null ? Uni.createFrom().item(false) : queries.removeRiskHold(id, decisionId).chain(left -> {
      boolean riskPaused = CouponStatus.PAUSED.name().equals(c.status) && "RISK".equals(c.pausedBy);
      if (!riskPaused || !(left.removed() || decisionId.equals(c.riskDecisionId))) {
        return Uni.createFrom().item(false); // not this decision's pause
      }
      c.updatedAt = at;
      if (!left.remaining().isEmpty()) {
        CouponQueries.RiskHold next = left.remaining().get(0); // still held: the oldest open decision is the one shown
        c.riskDecisionId = next.decisionId();
        c.pauseReason = next.reason();
        return Uni.createFrom().item(false);
      }
      if (c.sellerPauseReason != null) {
        String sellerReason = c.sellerPauseReason;
        c.sellerPauseReason = null;
        return pause(c, "SELLER", sellerReason, null, at).replaceWith(false);
      }
      return resume(c, resumedBy, decisionId, at).replaceWith(true);
    }));
  }

  /** Marks coupons whose validity ended as EXPIRED and publishes CouponExpired; returns how many. */
  public Uni<Integer> expireDue() {
    Instant now = clock.instant();
    return Panache.withTransaction(() -> coupons.endedBefore(now, 200).call(list -> {
      Uni<Void> chain = Uni.createFrom().voidItem();
      for (Coupon c : list) {
        c.status = CouponStatus.EXPIRED.name();
        c.updatedAt = now;
        chain = chain.call(() -> outbox.append(c.id.toString(), new CouponExpiredV1(c.id.toString(), c.sellerId, c.endsAt), c.endsAt));
      }
      return chain;
    }).map(List::size));
  }

  private Uni<Coupon> pause(Coupon c, String by, String reason, String decisionId, Instant at) {
    c.status = CouponStatus.PAUSED.name();
    c.pausedBy = by;
    c.pauseReason = reason;
    c.riskDecisionId = decisionId;
    c.updatedAt = at;
    return outbox.append(c.id.toString(), new CouponPausedV1(c.id.toString(), c.sellerId, by, reason, decisionId, at), at).replaceWith(c);
  }

  private Uni<Coupon> resume(Coupon c, String by, String decisionId, Instant at) {
    c.status = CouponStatus.ACTIVE.name();
    c.sellerPauseReason = null;
    c.pausedBy = null;
    c.pauseReason = null;
    c.riskDecisionId = null;
    c.updatedAt = at;
    return outbox.append(c.id.toString(), new CouponResumedV1(c.id.toString(), c.sellerId, by, decisionId, at), at).replaceWith(c);
  }

  /** CPN-10: claims (filterable by status) and refusals of the seller's coupon. */
  public record ClaimDetails(List<CouponClaim> claims, List<CouponQueries.RefusalRow> refusals) {
  }

  public Uni<ClaimDetails> claimDetails(String sellerId, UUID id, String status, int page, int size) {
    return get(sellerId, id).chain(c -> claims.ofCoupon(id, status, page, size)
        .chain(list -> ("REFUSED".equals(status) || status == null ? queries.refusals(id, page, size) : Uni.createFrom().item(
            List.<CouponQueries.RefusalRow>of())).map(refusals -> new ClaimDetails("REFUSED".equals(status) ? List.of() : list, refusals))));
  }

  /** CPN-15/16 figures. */
  public record Analytics(Coupon coupon, Map<String, CouponQueries.Figures> byVariant, Map<String, Long> refusalsByCode,
      long averagePoolPriceMinor, List<CouponInsights.Warning> warnings) {
  }

  public Uni<Analytics> analytics(String sellerId, UUID id) {
    return get(sellerId, id).chain(c -> queries.figuresByVariant(id).chain(figures -> queries.refusalsByCode(id)
        .chain(refusals -> queries.poolPrices(c.sellerId, CouponMapper.pool(c)).map(prices -> {
          long avg = prices == null ? 0 : prices[1];
          long gmv = figures.values().stream().mapToLong(CouponQueries.Figures::gmvMinor).sum();
          long cost = figures.values().stream().mapToLong(CouponQueries.Figures::discountMinor).sum();
          return new Analytics(c, figures, refusals, avg, CouponInsights.warnings(c.faceValueMinor, avg, c.grossMarginBp, gmv, cost));
        }))));
  }

  /** V2 carries the pool (risk-service matches stock syncs to it, RSK-3); V1 has no consumer left, so only V2 is published. */
  private static CouponCreatedV2 created(Coupon c, Instant now) {
    return new CouponCreatedV2(c.id.toString(), c.sellerId, c.type, c.faceValueMinor, c.minOrderMinor, c.currency, c.totalQuantity,
        c.budgetMinor == null ? Math.multiplyExact(c.totalQuantity, c.faceValueMinor) : c.budgetMinor, c.startsAt, c.endsAt, List.of(c.targetCountries),
        CouponMapper.variants(c.variantsJson).stream().map(Variant::name).toList(), list(c.poolSpus), list(c.poolCategories),
        list(c.poolBrands), now);
  }

  private static List<String> list(String[] values) {
    return values == null ? List.of() : List.of(values);
  }

  static ApiException conflict(String code, String detail) {
    return new ApiException(409, code, "Conflict", detail);
  }
}
