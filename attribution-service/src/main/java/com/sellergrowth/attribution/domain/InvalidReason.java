package com.sellergrowth.attribution.domain;

/**
 * Why a click does not count (ATR-6), as the reports show it. A click has at most one reason of its own, decided once when it
 * is stored; a risk-service invalidation ({@code RISK_*}) is kept beside it and shows only for a click that counted.
 */
public enum InvalidReason {
  /** The link's parameters do not match its signature, or its key is unknown or retired (ATR-3). */
  SIGNATURE,
  /** A known robot, crawler or tool user agent, or none at all. */
  BOT,
  /** The code's item is delisted or out of stock (ERR_404 in the seed). */
  ERR_404,
  /** The code was archived before the click. */
  ARCHIVED,
  /** The same device clicked the same code within the dedupe window of a counted click. */
  DUPLICATE
}
