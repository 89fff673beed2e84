package com.sellergrowth.gift.service;

import com.sellergrowth.gift.config.GiftConfig;
import com.sellergrowth.gift.domain.Tariff;
import jakarta.enterprise.context.ApplicationScoped;

/** GFT-5, GFT-6: the tariff table of the configuration, checked once at start (a country in two groups stops the start). */
@ApplicationScoped
public class Tariffs {
  private final Tariff tariff;

  public Tariffs(GiftConfig config) {
    var f = config.fees();
    this.tariff = new Tariff(f.currency(), f.groups(), f.groupFeeMinor(), f.otherFeeMinor(), f.weightThresholdGrams(), f.overweightFeeMinor(),
        f.nfeCountries(), f.noNfeFeeMinor(), f.codCountries());
  }

  public Tariff tariff() {
    return tariff;
  }
}
