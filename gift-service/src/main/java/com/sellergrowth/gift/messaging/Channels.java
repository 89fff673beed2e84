package com.sellergrowth.gift.messaging;

/** Channel names (configured in application.properties with topic, group and dead-letter topic). */
public final class Channels {
  public static final String PLATFORM_SELLERS_IN = "platform-sellers-in";
  public static final String PLATFORM_ORDERS_IN = "platform-orders-in";
  public static final String RISK_DECISIONS_IN = "risk-decisions-in";
  public static final String DEAD_LETTER_OUT = "dead-letter-out";

  private Channels() {
  }
}
