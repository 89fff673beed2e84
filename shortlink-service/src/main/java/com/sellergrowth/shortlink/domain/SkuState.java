package com.sellergrowth.shortlink.domain;

import java.time.Instant;

/** The latest stock fact of a SKU (from {@code platform.stock}), as of {@code observedAt}. */
public record SkuState(boolean listed, long quantity, Instant observedAt) {
}
