package com.sellergrowth.events.platform;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.Topics;
import java.time.Instant;
import java.util.List;

/**
 * The full current profile of a seller (a snapshot, not a delta; the latest one wins). Rates are in basis points
 * (9,500 = 95.00%). {@code entityType}: ENTERPRISE or INDIVIDUAL. Key: sellerId.
 */
public record SellerProfileUpdatedV1(String sellerId, String entityType, boolean verified, boolean paymentAccountBound,
    boolean paymentAccountKycVerified, int storeLevel, int positiveRating90dBp, int disputeRate30dBp, boolean affiliateMember,
    List<Violation> violations, Instant occurredAt) {
  public static final EventType<SellerProfileUpdatedV1> TYPE =
      new EventType<>("platform.seller-profile-updated", 1, SellerProfileUpdatedV1.class, Topics.PLATFORM_SELLERS);
}
