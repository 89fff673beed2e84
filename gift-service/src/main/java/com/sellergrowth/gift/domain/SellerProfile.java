package com.sellergrowth.gift.domain;

/** What GFT-1 reads of a seller's latest profile (platform.sellers). Rates in basis points. */
public record SellerProfile(String sellerId, String entityType, boolean verified, boolean paymentAccountBound,
    boolean paymentAccountKycVerified, int storeLevel, int positiveRating90dBp, int disputeRate30dBp) {
}
