package com.sellergrowth.attribution.domain;

import java.time.Instant;
import java.util.UUID;

/** A click as the click stream delivers it (attribution.click-attributed or attribution.click-rejected). */
public record ClickIn(UUID clickId, UUID codeId, String deviceId, String ipHash, String userAgent, Instant at, boolean rejectedSignature) {
}
