package com.sellergrowth.shortlink.domain;

import java.time.Instant;

/** Builds a link's resolution view: the final locations, with UTM parameters, of target, mobile page and store fallback. */
public final class LinkViews {
  private final String storePageTemplate;

  /** @param storePageTemplate the seller's store page with {@code {sellerId}} in it */
  public LinkViews(String storePageTemplate) {
    this.storePageTemplate = storePageTemplate;
  }

  public LinkView of(String code, String sellerId, String target, String mobileTarget, String utmQuery, String sku, Instant expiresAt,
      Long maxVisits, long version, boolean deleted) {
    String store = LinkView.withQuery(storePageTemplate.replace("{sellerId}", sellerId), utmQuery);
    return new LinkView(code, sellerId, LinkView.withQuery(target, utmQuery),
        mobileTarget == null ? null : LinkView.withQuery(mobileTarget, utmQuery), store, sku, expiresAt, maxVisits, version, deleted);
  }

  /** The view of a code no link has (cached briefly so that probing unknown codes does not reach PostgreSQL each time). */
  public static LinkView unknown(String code) {
    return new LinkView(code, null, null, null, null, null, null, null, 0, true);
  }
}
