package com.sellergrowth.attribution.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sellergrowth.attribution.domain.CodeDraft;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the code API. Field names are the UTM names (ATR-1), the same as the CSV import's columns. */
public final class CodeRequests {
  private CodeRequests() {
  }

  /** A code to create (ATR-1, ATR-3). */
  @Schema(description = "A marketing code: a marketplace page and its UTM fields (utm_campaign: at most 50 ASCII characters)",
      example = "{\"target\":\"https://www.marketplace.example/item/SKU-1\",\"sku\":\"SKU-1\",\"utm_source\":\"instagram\","
          + "\"utm_medium\":\"social\",\"utm_campaign\":\"ig_202405_kd_summer_sale\",\"utm_content\":\"reel-1\"}")
  public record CreateCode(String target, String sku, @JsonProperty("utm_source") String utmSource,
      @JsonProperty("utm_medium") String utmMedium, @JsonProperty("utm_campaign") String utmCampaign,
      @JsonProperty("utm_content") String utmContent, @JsonProperty("utm_term") String utmTerm) {
    CodeDraft toDraft() {
      return new CodeDraft(target, sku, utmSource, utmMedium, utmCampaign, utmContent, utmTerm);
    }
  }

  /** The version the caller read (optimistic lock: a stale version answers 409). */
  @Schema(example = "{\"version\":1}")
  public record Versioned(Integer version) {
  }
}
