package com.sellergrowth.risk.messaging;

/** Channel names of risk-service (application.properties binds them to topics). */
public final class Channels {
  /** Every topic the rules read, in batches: coupon, shortlink, gift, attribution and direct events, and platform.stock. */
  public static final String RISK_IN = "risk-in";
  public static final String DEAD_LETTER_OUT = "dead-letter-out";

  private Channels() {
  }
}
