package com.sellergrowth.coupon.messaging;

/** Incoming channel names (configured in application.properties with topic, group and dead-letter topic). */
public final class Channels {
  public static final String PLATFORM_ORDERS_IN = "platform-orders-in";
  public static final String PLATFORM_STOCK_IN = "platform-stock-in";
  public static final String PLATFORM_DISPUTES_IN = "platform-disputes-in";
  public static final String PLATFORM_SELLERS_IN = "platform-sellers-in";
  public static final String RISK_DECISIONS_IN = "risk-decisions-in";

  private Channels() {
  }
}
