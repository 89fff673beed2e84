package com.sellergrowth.gift.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * GFT-5, GFT-6: the fee of one dispatched gift, in CNY minor units (fen), itemised. The base fee follows the destination's
 * market group (mature US/FR/DE 3.20, emerging BR/SA/PL 2.60, any other served country 3.80); a gift over 50 g adds 0.80; a
 * destination that needs an NFe number (Brazil) without one adds 1.50. Cash-on-delivery countries (EG, PK) are not served.
 * Every figure is configuration.
 */
public final class Tariff {
  /** One line of a quote: a stable code, a sentence, the amount in minor units. */
  public record Line(String code, String description, long amountMinor) {
  }

  /** An itemised fee. */
  public record Quote(String country, String currency, List<Line> lines, long totalMinor) {
  }

  /** GFT-6: the destination pays on delivery, which gifts cannot. */
  public static final class CodCountry extends RuntimeException {
    public CodCountry(String country) {
      super(country + " is a cash-on-delivery country: gifts are not sent there", null, false, false);
    }
  }

  private final String currency;
  private final Map<String, String> groupOf = new TreeMap<>();
  private final Map<String, Long> groupFee;
  private final long otherFee;
  private final int weightThreshold;
  private final long overweightFee;
  private final Set<String> nfeCountries;
  private final long noNfeFee;
  private final Set<String> codCountries;

  public Tariff(String currency, Map<String, List<String>> groups, Map<String, Long> groupFee, long otherFee, int weightThreshold,
      long overweightFee, Collection<String> nfeCountries, long noNfeFee, Collection<String> codCountries) {
    this.currency = currency;
    groups.forEach((group, countries) -> {
      if (!groupFee.containsKey(group)) {
        throw new IllegalArgumentException("market group " + group + " has no fee");
      }
      countries.forEach(c -> {
        if (groupOf.put(c, group) != null) {
          throw new IllegalArgumentException(c + " is in two market groups");
        }
      });
    });
    this.groupFee = Map.copyOf(groupFee);
    this.otherFee = otherFee;
    this.weightThreshold = weightThreshold;
    this.overweightFee = overweightFee;
    this.nfeCountries = Set.copyOf(nfeCountries);
    this.noNfeFee = noNfeFee;
    this.codCountries = Set.copyOf(codCountries);
  }

  public boolean isCod(String country) {
    return codCountries.contains(country);
  }

  public String currency() {
    return currency;
  }

  /** The fee of a gift of {@code weightGrams} to {@code country}; {@code hasNfe}: an NFe number is on the label. */
  public Quote quote(String country, int weightGrams, boolean hasNfe) {
    if (isCod(country)) {
      throw new CodCountry(country);
    }
    List<Line> lines = new ArrayList<>();
    String group = groupOf.get(country);
    if (group != null) {
      lines.add(new Line("BASE", "base fee, " + group + " market", groupFee.get(group)));
    } else {
      lines.add(new Line("BASE", "base fee, long-tail market", otherFee));
    }
    if (weightGrams > weightThreshold) {
      lines.add(new Line("OVERWEIGHT", "gift over " + weightThreshold + " g (" + weightGrams + " g)", overweightFee));
    }
    if (nfeCountries.contains(country) && !hasNfe) {
      lines.add(new Line("NO_NFE", "no NFe number: local delivery surcharge", noNfeFee));
    }
    long total = 0;
    for (Line l : lines) {
      total = Math.addExact(total, l.amountMinor());
    }
    return new Quote(country, currency, List.copyOf(lines), total);
  }

  /** Whether a destination needs an NFe number to avoid the surcharge. */
  public boolean needsNfe(String country) {
    return nfeCountries.contains(country);
  }
}
