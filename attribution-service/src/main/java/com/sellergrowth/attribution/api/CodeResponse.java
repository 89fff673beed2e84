package com.sellergrowth.attribution.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sellergrowth.attribution.domain.MarketingCode;
import java.time.Instant;
import java.util.UUID;

/** A marketing code as its seller sees it, with its signed link (ATR-3). */
public record CodeResponse(UUID id, String target, String sku, @JsonProperty("utm_source") String utmSource,
    @JsonProperty("utm_medium") String utmMedium, @JsonProperty("utm_campaign") String utmCampaign,
    @JsonProperty("utm_content") String utmContent, @JsonProperty("utm_term") String utmTerm, String link, String keyId, String status,
    int version, Instant createdAt, Instant archivedAt) {

  static CodeResponse of(MarketingCode c) {
    var u = c.code().utm();
    return new CodeResponse(c.id(), c.code().target(), c.code().sku(), u.source(), u.medium(), u.campaign(), u.content(), u.term(), c.link(),
        c.keyId(), c.status().name(), c.version(), c.createdAt(), c.archivedAt());
  }
}
