package com.sellergrowth.shortlink.api;

/** SHL-8: the link's new target (and mobile page, SKU); the code, UTM parameters, stats and history stay. */
public record ChangeTargetRequest(String target, String mobileTarget, String sku) {
}
