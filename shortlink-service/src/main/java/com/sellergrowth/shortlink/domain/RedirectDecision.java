package com.sellergrowth.shortlink.domain;

import java.time.Instant;

/** Where {@code GET /{code}} sends a visitor (SHL-5), decided from the link's view, its SKU's stock and the device. */
public record RedirectDecision(int status, String location, String outcome, String fallbackReason, String problemCode) {
  public static final String TARGET = "TARGET";
  public static final String MOBILE_TARGET = "MOBILE_TARGET";
  public static final String STORE_FALLBACK = "STORE_FALLBACK";
  public static final RedirectDecision NOT_FOUND = new RedirectDecision(404, null, null, null, "ERR_LINK_NOT_FOUND");
  public static final RedirectDecision EXPIRED = new RedirectDecision(410, null, null, null, "ERR_LINK_EXPIRED");
  public static final RedirectDecision EXHAUSTED = new RedirectDecision(410, null, null, null, "ERR_LINK_MAX_VISITS");

  public boolean redirects() {
    return status == 302;
  }

  /**
   * SHL-5: unknown or deleted: 404; past its expiry: 410; a delisted or out-of-stock SKU: the seller's store page with
   * {@code reason=delisted|out_of_stock}; a phone or tablet with a mobile page set: that page; otherwise the target. The
   * visit limit is checked by the caller (it needs a shared counter).
   */
  public static RedirectDecision decide(LinkView link, SkuState sku, boolean mobile, Instant now) {
    if (link == null || link.deleted()) {
      return NOT_FOUND;
    }
    if (link.expiresAt() != null && !now.isBefore(link.expiresAt())) {
      return EXPIRED;
    }
    if (sku != null && (!sku.listed() || sku.quantity() <= 0)) {
      String reason = sku.listed() ? "out_of_stock" : "delisted";
      return new RedirectDecision(302, LinkView.withQuery(link.storeLocation(), "reason=" + reason), STORE_FALLBACK, reason, null);
    }
    if (mobile && link.mobileLocation() != null) {
      return new RedirectDecision(302, link.mobileLocation(), MOBILE_TARGET, null, null);
    }
    return new RedirectDecision(302, link.location(), TARGET, null, null);
  }
}
