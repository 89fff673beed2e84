package com.sellergrowth.events;

import java.util.List;

/** Topic names of the contract (SPEC section 2). A change of key or retention means a new topic, never a rename. */
public final class Topics {
  public static final String PLATFORM_ORDERS = "platform.orders";
  public static final String PLATFORM_STOCK = "platform.stock";
  public static final String PLATFORM_DISPUTES = "platform.disputes";
  public static final String PLATFORM_SELLERS = "platform.sellers";
  public static final String PLATFORM_LOGISTICS = "platform.logistics";
  public static final String COUPON_EVENTS = "coupon.events";
  public static final String GIFT_EVENTS = "gift.events";
  public static final String ATTRIBUTION_EVENTS = "attribution.events";
  public static final String SHORTLINK_EVENTS = "shortlink.events";
  public static final String DIRECT_EVENTS = "direct.events";
  public static final String RISK_DECISIONS = "risk.decisions";

  /** Suffix of every topic's dead-letter topic: {@code <topic>.dlq}. */
  public static final String DLQ_SUFFIX = ".dlq";

  public static final List<String> ALL = List.of(PLATFORM_ORDERS, PLATFORM_STOCK, PLATFORM_DISPUTES, PLATFORM_SELLERS,
      PLATFORM_LOGISTICS, COUPON_EVENTS, GIFT_EVENTS, ATTRIBUTION_EVENTS, SHORTLINK_EVENTS, DIRECT_EVENTS, RISK_DECISIONS);

  public static String dlq(String topic) {
    return topic + DLQ_SUFFIX;
  }

  private Topics() {
  }
}
