package com.sellergrowth.shortlink.api;

import com.sellergrowth.shortlink.domain.Utm;
import com.sellergrowth.shortlink.persistence.Link;
import java.time.Instant;

/** A link as its seller sees it. {@code shortUrl} is what the seller shares (at most 32 characters, SHL-1). */
public record LinkResponse(String code, String shortUrl, String target, String mobileTarget, String channel, String campaign,
    CreateLinkRequest.UtmParameters utm, String sku, Instant expiresAt, Long maxVisits, int version, Instant createdAt, Instant updatedAt) {

  static LinkResponse of(Link l, String baseUrl) {
    return new LinkResponse(l.code, baseUrl + l.code, l.target, l.mobileTarget, l.channel, l.campaign,
        CreateLinkRequest.UtmParameters.of(Utm.parse(l.utmQuery)), l.sku, l.expiresAt, l.maxVisits, l.version, l.createdAt, l.updatedAt);
  }
}
