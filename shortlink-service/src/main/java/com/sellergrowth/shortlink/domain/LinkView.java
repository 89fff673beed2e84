package com.sellergrowth.shortlink.domain;

import java.time.Instant;

/**
 * What a redirect needs of a link, precomputed when the link is written: the final locations with their UTM parameters.
 * Kept in Redis (and briefly in each instance's memory); {@code version} grows with every change, a deleted link is a
 * tombstone with a higher version, so an older view never overwrites a newer one.
 */
public record LinkView(String code, String sellerId, String location, String mobileLocation, String storeLocation, String sku,
    Instant expiresAt, Long maxVisits, long version, boolean deleted) {

  /** {@code url} with {@code query} appended before any fragment (with ? or &). */
  public static String withQuery(String url, String query) {
    if (query == null || query.isEmpty()) {
      return url;
    }
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    return base + (base.indexOf('?') < 0 ? "?" : "&") + query + fragment;
  }
}
