package com.sellergrowth.coupon.domain;

import java.time.Instant;

/** CPN-17 states. SCHEDULED, ACTIVE and EXPIRED follow the clock; the others are set by a person or by risk. */
public enum CouponStatus {
  DRAFT, SCHEDULED, ACTIVE, PAUSED, ENDED, EXPIRED;

  /** The status at {@code now}: a stored SCHEDULED/ACTIVE/PAUSED coupon past its end is EXPIRED whether or not the expiry job ran. */
  public static CouponStatus effective(CouponStatus stored, Instant startsAt, Instant endsAt, Instant now) {
    return switch (stored) {
      case DRAFT, ENDED, EXPIRED -> stored;
      case PAUSED -> now.isBefore(endsAt) ? PAUSED : EXPIRED;
      case SCHEDULED, ACTIVE -> now.isBefore(startsAt) ? SCHEDULED : now.isBefore(endsAt) ? ACTIVE : EXPIRED;
    };
  }
}
