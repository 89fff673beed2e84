package com.sellergrowth.coupon.service;

import com.sellergrowth.coupon.domain.CouponStatus;
import com.sellergrowth.coupon.domain.CouponTerms;
import com.sellergrowth.coupon.domain.OrderLineView;
import com.sellergrowth.coupon.domain.RedemptionPolicy;
import com.sellergrowth.coupon.domain.RefusalCode;
import com.sellergrowth.coupon.persistence.ClaimRepository;
import com.sellergrowth.coupon.persistence.CouponClaim;
import com.sellergrowth.coupon.persistence.CouponQueries;
import com.sellergrowth.coupon.persistence.CouponRepository;
import com.sellergrowth.events.coupon.ClaimRejectedV1;
import com.sellergrowth.events.coupon.CouponRedeemedV1;
import com.sellergrowth.events.coupon.RedemptionReversedV1;
import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.support.inbox.ProcessedEvents;
import com.sellergrowth.support.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * CPN-13 redemption from {@code platform.orders}: an OrderPaid redeems each claim it carries once; a cancelled or refunded order
 * returns its claims to UNUSED while the coupon is valid (VOID otherwise). Each event is applied in one transaction with its
 * inbox row, in event time, so a replay changes nothing.
 */
@ApplicationScoped
public class RedemptionService {
  static final String CONSUMER = "coupon-service:platform.orders";

  private final ClaimRepository claims;
  private final CouponRepository coupons;
  private final CouponQueries queries;
  private final ProcessedEvents inbox;
  private final Outbox outbox;

  public RedemptionService(ClaimRepository claims, CouponRepository coupons, CouponQueries queries, ProcessedEvents inbox, Outbox outbox) {
    this.claims = claims;
    this.coupons = coupons;
    this.queries = queries;
    this.inbox = inbox;
    this.outbox = outbox;
  }

  public Uni<Boolean> onOrderPaid(String eventId, OrderSnapshot order, Instant at) {
    return Panache.withTransaction(() -> inbox.applyOnce(CONSUMER, eventId, () ->
        queries.buyerHadOrderWithSellerBefore(order.buyerId(), order.sellerId(), order.orderId(), at)
            .call(() -> queries.recordPaidOrder(order.orderId(), order.buyerId(), order.sellerId(), at))
            .chain(hadEarlier -> claims.byIds(ids(order.couponClaimIds()))
                .chain(list -> {
                  Uni<Void> chain = Uni.createFrom().voidItem();
                  for (CouponClaim claim : list) {
                    chain = chain.call(() -> redeem(claim, order, hadEarlier, at));
                  }
                  return chain;
                }))));
  }

  private Uni<Void> redeem(CouponClaim claim, OrderSnapshot order, boolean hadEarlier, Instant at) {
    if ("REDEEMED".equals(claim.status) && order.orderId().equals(claim.orderId)) {
      return Uni.createFrom().voidItem(); // the same order again (e.g. re-sent by the platform with a new event id)
    }
    return coupons.findById(claim.couponId).chain(coupon -> queries.statusAt(coupon.id, at).chain(then -> {
      List<OrderLineView> lines = order.lines().stream()
          .map(l -> new OrderLineView(l.spuId(), l.categoryId(), l.brandId(), l.quantity(), l.unitPriceMinor())).toList();
      // the coupon as it was when the order was paid (CPN-13/17, issue 15): ended or paused later changes nothing for it
      CouponTerms terms = CouponMapper.terms(coupon, then == null ? null : CouponStatus.valueOf((String) then[0]),
          then == null ? null : (String) then[1]);
      RefusalCode checked = !"UNUSED".equals(claim.status) || !claim.buyerId.equals(order.buyerId()) ? RefusalCode.ERR_CLAIM_NOT_USABLE
          : RedemptionPolicy.check(terms, order.sellerId(), order.currency(), lines, order.logisticsService(), hadEarlier, at).orElse(null);
      // CPN-12: one first-order redemption per buyer and seller, whatever order their orders are read in (V7)
      Uni<RefusalCode> decided = checked != null || !terms.firstOrderOnly() ? Uni.createFrom().item(checked)
          : queries.takeFirstOrder(order.buyerId(), order.sellerId(), order.orderId())
              .map(taken -> taken ? null : RefusalCode.ERR_NOT_FIRST_ORDER);
      return decided.chain(refusal -> {
        if (refusal != null) {
          ClaimRejectedV1 event = new ClaimRejectedV1(coupon.id.toString(), coupon.sellerId, order.buyerId(), refusal.name(), order.country(),
              order.ip(), at);
          // the same order re-sent (a new event id) or replayed finds its refusal stored: no second row, no second event (issue 15)
          return queries.insertRefusal(coupon.id, order.buyerId(), "REDEMPTION", refusal.name(), order.country(), order.ip(), order.orderId(), at)
              .chain(isNew -> isNew ? outbox.append(coupon.id.toString(), event, at).replaceWithVoid() : Uni.createFrom().voidItem());
        }
        long discount = RedemptionPolicy.discount(claim.faceValueMinor, terms.pool(), lines);
        claim.status = "REDEEMED";
        claim.orderId = order.orderId();
        claim.orderAmountMinor = order.amountMinor();
        claim.discountMinor = discount;
        claim.redeemedAt = at;
        return outbox.append(coupon.id.toString(), new CouponRedeemedV1(coupon.id.toString(), claim.id.toString(), coupon.sellerId,
            order.buyerId(), order.orderId(), order.amountMinor(), discount, order.currency(), at), at).replaceWithVoid();
      });
    }));
  }

  /** OrderCancelled / OrderRefunded. */
  public Uni<Boolean> onOrderReversed(String eventId, OrderSnapshot order, String reason, Instant at) {
    return Panache.withTransaction(() -> inbox.applyOnce(CONSUMER, eventId, () -> claims.redeemedByOrder(order.orderId()).chain(list -> {
          Uni<Void> chain = Uni.createFrom().voidItem();
          for (CouponClaim claim : list) {
            chain = chain.call(() -> coupons.findById(claim.couponId).chain(coupon -> {
              CouponStatus s = CouponStatus.effective(CouponStatus.valueOf(coupon.status), coupon.startsAt, coupon.endsAt, at);
              boolean stillValid = s == CouponStatus.ACTIVE || s == CouponStatus.PAUSED || s == CouponStatus.SCHEDULED;
              claim.status = stillValid ? "UNUSED" : "VOID";
              claim.orderId = null;
              claim.orderAmountMinor = null;
              claim.discountMinor = null;
              claim.redeemedAt = null;
              return outbox.append(coupon.id.toString(), new RedemptionReversedV1(coupon.id.toString(), claim.id.toString(), coupon.sellerId,
                  order.orderId(), reason, claim.status, at), at);
            }));
          }
          return chain;
        })));
  }

  private static List<UUID> ids(List<String> claimIds) {
    return claimIds.stream().map(s -> {
      try {
        return UUID.fromString(s);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }).filter(java.util.Objects::nonNull).toList();
  }
}
