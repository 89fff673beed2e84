package com.sellergrowth.events.platform;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * Stock of one SKU as observed at {@code observedAt} by {@code source} (platform inventory or a Direct supplier's ERP).
 * {@code priceMinor} is the SKU's list price in minor units of {@code currency}, when known.
 * The product attributes let consumers match the SKU to pools defined by SPU, category or brand. Key: sku.
 */
public record StockSyncedV1(String sku, String sellerId, String spuId, String categoryId, @OptionalField String brandId, long quantity,
    boolean listed, @OptionalField Long priceMinor, @OptionalField String currency, String source, Instant observedAt) {
  public static final EventType<StockSyncedV1> TYPE = new EventType<>("platform.stock-synced", 1, StockSyncedV1.class, Topics.PLATFORM_STOCK);
}
