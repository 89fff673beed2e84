package com.sellergrowth.attribution.domain;

/**
 * A marketing code as a seller asks for it, unchecked: from the JSON API or one CSV row (ATR-1, ATR-3, ATR-4). Field names in
 * errors are the UTM names the seller typed ({@code utm_campaign}), the same in the API and in a CSV file.
 */
public record CodeDraft(String target, String sku, String utmSource, String utmMedium, String utmCampaign, String utmContent,
    String utmTerm) {
}
