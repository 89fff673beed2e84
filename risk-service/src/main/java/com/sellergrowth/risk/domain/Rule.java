package com.sellergrowth.risk.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The risk rules of SPEC section 8 and their thresholds (RSK-8: configuration, never code). Defaults live in
 * application.properties under {@code risk.rules.<key>.<param>}; operators change them at run time (rule_setting).
 */
public enum Rule {
  RSK_1("RSK-1", "Claim burst: more than max-claims claims of one coupon from one address within window",
      Param.count("max-claims"), Param.duration("window")),
  RSK_2("RSK-2", "Low redemption: redemption rate below min-redemption-rate-bp once a coupon has min-claims claims and is min-age old",
      Param.basisPoints("min-redemption-rate-bp"), Param.count("min-claims"), Param.duration("min-age")),
  RSK_3("RSK-3", "Late stock: a stock sync of a coupon's pool arriving more than allowed-delay after the stock was observed",
      Param.duration("allowed-delay")),
  RSK_4("RSK-4", "Gift dispatch failures: consecutive-failures failures in a row for one seller", Param.count("consecutive-failures")),
  RSK_5("RSK-5", "Invalid clicks: duplicates (same device and code within duplicate-window), known bot user agents, more than "
      + "burst-max-clicks clicks from one address within burst-window",
      Param.duration("duplicate-window"), Param.markers("bot-markers"), Param.count("burst-max-clicks"), Param.duration("burst-window")),
  RSK_6("RSK-6", "Direct KPIs: fulfilment below fulfilment-floor-bp for fulfilment-days days in a row (warning), QC first-pass below "
      + "qc-floor-bp (new listings paused), turnover above turnover-max-days (clearance reminder)",
      Param.basisPoints("fulfilment-floor-bp"), Param.count("fulfilment-days"), Param.basisPoints("qc-floor-bp"),
      Param.count("turnover-max-days"));

  private final String id;
  private final String summary;
  private final List<Param> params;

  Rule(String id, String summary, Param... params) {
    this.id = id;
    this.summary = summary;
    this.params = List.of(params);
  }

  /** The SPEC id, e.g. RSK-1. */
  public String id() {
    return id;
  }

  /** The configuration key, e.g. rsk-1. */
  public String key() {
    return id.toLowerCase();
  }

  public String summary() {
    return summary;
  }

  public List<Param> params() {
    return params;
  }

  public Optional<Param> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public static Optional<Rule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equalsIgnoreCase(id)).findFirst();
  }
}
