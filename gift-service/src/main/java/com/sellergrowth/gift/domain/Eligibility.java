package com.sellergrowth.gift.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * GFT-1: a seller may enable gifts with store level >= L3, a 90-day positive rating >= 95%, a 30-day dispute rate <= 0.5% and a
 * verified enterprise payment account. A refusal lists every unmet condition with the seller's value and the bar.
 */
public final class Eligibility {
  /** One unmet condition: a stable code, the seller's value and the bar, as people read them. */
  public record Unmet(String code, String condition, String value, String bar) {
  }

  private final int minStoreLevel;
  private final int minPositiveBp;
  private final int maxDisputeBp;

  public Eligibility(int minStoreLevel, int minPositiveBp, int maxDisputeBp) {
    this.minStoreLevel = minStoreLevel;
    this.minPositiveBp = minPositiveBp;
    this.maxDisputeBp = maxDisputeBp;
  }

  /** Every unmet condition; empty when the seller is eligible. A seller the platform never described is unknown. */
  public List<Unmet> unmet(SellerProfile p) {
    if (p == null) {
      return List.of(new Unmet("GFT_SELLER_UNKNOWN", "seller profile", "none received", "the platform's profile of the seller"));
    }
    List<Unmet> out = new ArrayList<>();
    if (p.storeLevel() < minStoreLevel) {
      out.add(new Unmet("GFT_STORE_LEVEL", "store level", "L" + p.storeLevel(), "at least L" + minStoreLevel));
    }
    if (p.positiveRating90dBp() < minPositiveBp) {
      out.add(new Unmet("GFT_POSITIVE_RATING", "90-day positive rating", percent(p.positiveRating90dBp()), "at least " + percent(minPositiveBp)));
    }
    if (p.disputeRate30dBp() > maxDisputeBp) {
      out.add(new Unmet("GFT_DISPUTE_RATE", "30-day dispute rate", percent(p.disputeRate30dBp()), "at most " + percent(maxDisputeBp)));
    }
    boolean enterprise = "ENTERPRISE".equals(p.entityType());
    if (!enterprise || !p.paymentAccountBound() || !p.paymentAccountKycVerified()) {
      String value = !enterprise ? "account of an " + String.valueOf(p.entityType()).toLowerCase(java.util.Locale.ROOT) + " seller"
          : !p.paymentAccountBound() ? "no payment account bound" : "payment account not verified";
      out.add(new Unmet("GFT_PAYMENT_ACCOUNT", "enterprise payment account", value, "a bound and verified enterprise payment account"));
    }
    return out;
  }

  /** Basis points as a percentage with two decimals: 9,549 -> "95.49%". */
  static String percent(int bp) {
    return (bp / 100) + "." + String.format("%02d", bp % 100) + "%";
  }
}
