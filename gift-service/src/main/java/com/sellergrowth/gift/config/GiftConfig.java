package com.sellergrowth.gift.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** gift-service settings (SPEC section 4). Every key has a default fit for local runs; tariffs are configuration (GFT-5). */
@ConfigMapping(prefix = "gift")
public interface GiftConfig {

  Eligibility eligibility();

  Review review();

  Photos photos();

  Fees fees();

  Dispatch dispatch();

  Recommendation recommendation();

  Api api();

  /** GFT-1's bars. Rates in basis points (9,500 = 95.00%). */
  interface Eligibility {
    @WithDefault("3")
    int minStoreLevel();

    @WithDefault("9500")
    int minPositiveRating90dBp();

    @WithDefault("50")
    int maxDisputeRate30dBp();
  }

  /** GFT-2's automatic checks. */
  interface Review {
    /** Categories whose gifts need a filing number or an MSDS (food and cosmetics). */
    @WithDefault("cat-food,cat-beauty,cat-cosmetics")
    List<String> filingCategories();

    /** Categories whose gifts need a CE or FCC mark (electronics and the like). */
    @WithDefault("cat-electronics,cat-phone-accessories,cat-toys")
    List<String> certificationCategories();

    /** The marks that satisfy {@link #certificationCategories()}. */
    @WithDefault("CE,FCC")
    List<String> certificationMarks();
  }

  /** Uploaded photos (GFT-2): checked on the bytes, not on what the client says they are. */
  interface Photos {
    @WithDefault("5242880")
    int maxBytes();

    @WithDefault("400")
    int minPixels();

    @WithDefault("6000")
    int maxPixels();

    @WithDefault("8")
    int maxPerGift();
  }

  /** GFT-5, GFT-6: per-dispatch fee in CNY minor units (fen). */
  interface Fees {
    @WithDefault("CNY")
    String currency();

    /** Market groups: name -> countries; a country in no group gets {@link #otherFeeMinor()} (long tail). */
    Map<String, List<String>> groups();

    /** Base fee of each group, in minor units. */
    Map<String, Long> groupFeeMinor();

    /** Long tail: any other served country. */
    @WithDefault("380")
    long otherFeeMinor();

    @WithDefault("50")
    int weightThresholdGrams();

    @WithDefault("80")
    long overweightFeeMinor();

    /** Countries whose customs need an NFe number; without it the local delivery costs {@link #noNfeFeeMinor()} more. */
    @WithDefault("BR")
    List<String> nfeCountries();

    @WithDefault("150")
    long noNfeFeeMinor();

    /** Cash-on-delivery countries are not served (GFT-6: ERR_COD_COUNTRY). */
    @WithDefault("EG,PK")
    List<String> codCountries();
  }

  /** GFT-7, GFT-8. */
  interface Dispatch {
    /** A dispatch not confirmed as shipped this long after its creation is cancelled and counts as a failure (GFT-8). */
    @WithDefault("PT48H")
    Duration confirmWithin();

    /** How often the job looks for overdue dispatches. */
    @WithDefault("60s")
    String expireEvery();

    /** Documents a destination's customs need on the label (country -> document names); a missing one fails with ERR-211. */
    Map<String, List<String>> requiredDocuments();
  }

  /** GFT-10: weights of the score's parts, in percent (they sum to 100), and the heat window. */
  interface Recommendation {
    @WithDefault("50")
    int buyerWeight();

    @WithDefault("30")
    int countryWeight();

    @WithDefault("20")
    int heatWeight();

    @WithDefault("P30D")
    Duration heatWindow();
  }

  interface Api {
    @WithDefault("200")
    int maxPageSize();
  }
}
