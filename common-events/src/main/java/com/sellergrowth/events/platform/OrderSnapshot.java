package com.sellergrowth.events.platform;

import com.sellergrowth.events.OptionalField;
import java.util.List;

/**
 * The order as the platform's order service sees it. {@code amountMinor} is the goods total before coupons, in
 * {@code currency}. {@code logisticsService} is the service chosen at checkout (e.g. "AliExpress Standard").
 */
public record OrderSnapshot(String orderId, String buyerId, String sellerId, String country, String currency, long amountMinor,
    List<OrderLine> lines, String logisticsService, List<String> couponClaimIds, @OptionalField String attributionClickId,
    @OptionalField String deviceId, @OptionalField String ip) {
}
