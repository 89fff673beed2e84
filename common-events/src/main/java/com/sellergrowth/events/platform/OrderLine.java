package com.sellergrowth.events.platform;

import com.sellergrowth.events.OptionalField;

/** One order line. Prices are in minor units of the order's currency. */
public record OrderLine(String sku, String spuId, String categoryId, @OptionalField String brandId, int quantity, long unitPriceMinor) {
}
