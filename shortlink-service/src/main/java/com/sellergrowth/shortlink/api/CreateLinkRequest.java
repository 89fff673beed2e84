package com.sellergrowth.shortlink.api;

import com.sellergrowth.shortlink.domain.LinkDraft;
import com.sellergrowth.shortlink.domain.Utm;
import java.time.Instant;

/**
 * A link to create (SHL-1). {@code target}: a marketplace page; {@code mobileTarget}: the page for phones and tablets;
 * {@code alias}: a custom code; {@code sku}: the product whose stock decides the store fallback (taken from the target's
 * path when left out); {@code expiresAt} and {@code maxVisits}: optional limits.
 */
public record CreateLinkRequest(String target, String mobileTarget, String channel, String campaign, UtmParameters utm, String alias,
    String sku, Instant expiresAt, Long maxVisits) {

  /** UTM parameters as plain text; they are percent-encoded once, when the link redirects (SHL-4). */
  public record UtmParameters(String source, String medium, String campaign, String term, String content) {
    Utm toUtm() {
      return new Utm(source, medium, campaign, term, content);
    }

    static UtmParameters of(Utm u) {
      return u.isEmpty() ? null : new UtmParameters(u.source(), u.medium(), u.campaign(), u.term(), u.content());
    }
  }

  LinkDraft toDraft() {
    return new LinkDraft(target, mobileTarget, channel, campaign, utm == null ? null : utm.toUtm(), alias, sku, expiresAt, maxVisits);
  }
}
