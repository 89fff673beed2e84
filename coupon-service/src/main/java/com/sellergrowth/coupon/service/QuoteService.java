package com.sellergrowth.coupon.service;

import com.sellergrowth.coupon.domain.BestQuote;
import com.sellergrowth.coupon.domain.CouponTerms;
import com.sellergrowth.coupon.domain.OrderLineView;
import com.sellergrowth.coupon.domain.QuoteCandidate;
import com.sellergrowth.coupon.domain.RedemptionPolicy;
import com.sellergrowth.coupon.domain.RefusalCode;
import com.sellergrowth.coupon.persistence.ClaimRepository;
import com.sellergrowth.coupon.persistence.Coupon;
import com.sellergrowth.coupon.persistence.CouponClaim;
import com.sellergrowth.coupon.persistence.CouponQueries;
import com.sellergrowth.coupon.persistence.CouponRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** CPN-13 checkout quote: the best combination of the buyer's unused claims for an order draft, and why the others do not apply. */
@ApplicationScoped
public class QuoteService {

  /** An order draft at checkout. */
  public record OrderDraft(String buyerId, String sellerId, String currency, List<OrderLineView> lines, String logisticsService,
      boolean platformPromotionApplied) {
  }

  /** The chosen claims, the total, and each unused claim that does not apply with its reason. */
  public record Quote(BestQuote.Selection selection, long orderAmountMinor, Map<String, RefusalCode> notApplicable) {
  }

  private final ClaimRepository claims;
  private final CouponRepository coupons;
  private final CouponQueries queries;
  private final Clock clock;

  public QuoteService(ClaimRepository claims, CouponRepository coupons, CouponQueries queries, Clock clock) {
    this.claims = claims;
    this.coupons = coupons;
    this.queries = queries;
    this.clock = clock;
  }

  public Uni<Quote> quote(OrderDraft d) {
    Instant now = clock.instant();
    long amount = d.lines().stream().mapToLong(OrderLineView::amountMinor).reduce(0L, Math::addExact);
    return Panache.withSession(() -> claims.unusedOfBuyer(d.buyerId())
        .chain(unused -> {
          List<CouponClaim> ofSeller = unused.stream().filter(c -> c.sellerId.equals(d.sellerId())).toList();
          if (ofSeller.isEmpty()) {
            return Uni.createFrom().item(new Quote(BestQuote.choose(List.of(), amount), amount, Map.of()));
          }
          return coupons.byIds(ofSeller.stream().map(c -> c.couponId).distinct().toList())
              .chain(list -> queries.buyerHadOrderWithSellerBefore(d.buyerId(), d.sellerId(), "", now)
                  .map(hadOrder -> evaluate(d, ofSeller, list.stream().collect(Collectors.toMap(c -> c.id, Function.identity())), hadOrder,
                      amount, now)));
        }));
  }

  private static Quote evaluate(OrderDraft d, List<CouponClaim> unused, Map<java.util.UUID, Coupon> byId, boolean hadOrder, long amount,
      Instant now) {
    List<QuoteCandidate> candidates = new ArrayList<>();
    Map<String, RefusalCode> notApplicable = new LinkedHashMap<>();
    for (CouponClaim claim : unused) {
      Coupon coupon = byId.get(claim.couponId);
      CouponTerms terms = CouponMapper.terms(coupon);
      RefusalCode refusal = RedemptionPolicy.check(terms, d.sellerId(), d.currency(), d.lines(), d.logisticsService(), hadOrder, now)
          .orElse(null);
      if (refusal == null && d.platformPromotionApplied() && !coupon.stackableWithPlatform) { // CPN-12
        refusal = RefusalCode.ERR_CLAIM_NOT_USABLE;
      }
      if (refusal != null) {
        notApplicable.put(claim.id.toString(), refusal);
      } else {
        candidates.add(new QuoteCandidate(claim.id.toString(), coupon.id.toString(), coupon.stackingGroup, coupon.exclusive,
            RedemptionPolicy.discount(claim.faceValueMinor, terms.pool(), d.lines())));
      }
    }
    return new Quote(BestQuote.choose(candidates, amount), amount, notApplicable);
  }
}
