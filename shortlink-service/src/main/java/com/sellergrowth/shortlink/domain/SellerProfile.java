package com.sellergrowth.shortlink.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What SHL-3 needs of a seller's profile (from {@code platform.sellers}). */
public record SellerProfile(String entityType, boolean verified, Instant lastSeriousViolationAt) {

  /**
   * SHL-3: verified enterprise sellers only, with no serious violation within {@code window} before {@code now}. Every reason
   * (empty: eligible). A seller whose profile never arrived ({@code profile == null}) is refused too.
   */
  public static List<String> refusals(SellerProfile profile, Instant now, Duration window) {
    List<String> reasons = new ArrayList<>();
    if (profile == null) {
      reasons.add("ERR_SELLER_UNKNOWN");
      return reasons;
    }
    if (!"ENTERPRISE".equals(profile.entityType())) {
      reasons.add("ERR_SELLER_INDIVIDUAL");
    }
    if (!profile.verified()) {
      reasons.add("ERR_SELLER_UNVERIFIED");
    }
    if (profile.lastSeriousViolationAt() != null && profile.lastSeriousViolationAt().isAfter(now.minus(window))) {
      reasons.add("ERR_SELLER_SERIOUS_VIOLATION");
    }
    return reasons;
  }
}
