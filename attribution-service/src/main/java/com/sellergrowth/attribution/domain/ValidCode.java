package com.sellergrowth.attribution.domain;

/** A checked marketing code: the target in canonical form, every UTM value as the seller typed it (ATR-9: passed on unchanged). */
public record ValidCode(String target, String sku, Utm utm) {
}
