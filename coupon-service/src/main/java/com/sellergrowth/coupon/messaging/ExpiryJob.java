package com.sellergrowth.coupon.messaging;

import com.sellergrowth.coupon.service.CouponService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes CouponExpired for coupons past their end (CPN-17). Claims never depend on it: the effective status follows the
 * clock. Several instances may run it: each coupon's row version makes the second writer fail and retry next time.
 */
@ApplicationScoped
public class ExpiryJob {
  private final CouponService coupons;

  public ExpiryJob(CouponService coupons) {
    this.coupons = coupons;
  }

  @Scheduled(every = "${coupon.expiry.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> expire() {
    return coupons.expireDue().replaceWithVoid().onFailure().recoverWithNull();
  }
}
