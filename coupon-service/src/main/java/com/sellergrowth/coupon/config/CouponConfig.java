package com.sellergrowth.coupon.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** coupon-service settings. Thresholds of SPEC rules are configuration with the SPEC's values as defaults. */
@ConfigMapping(prefix = "coupon")
public interface CouponConfig {

  Stock stock();

  Claims claims();

  Expiry expiry();

  interface Expiry {
    /** How often coupons past their end are marked EXPIRED and CouponExpired is published (a Quarkus scheduler period). */
    @WithDefault("60s")
    String every();
  }

  interface Stock {
    /** CPN-8: how often the platform syncs stock. */
    @WithDefault("PT15M")
    Duration syncInterval();

    /** CPN-8: a sync arriving later than this after the observation is late. */
    @WithDefault("PT3M")
    Duration allowedDelay();
  }

  interface Claims {
    /** CPN-9: look-back window for arbitrations. */
    @WithDefault("P30D")
    Duration arbitrationWindow();

    /** SPEC section 9: claims admitted per buyer IP (or buyer id when no IP is given) per window, per instance. */
    @WithDefault("30")
    int rateLimitPerIp();

    /** Window of the claim rate limit. */
    @WithDefault("PT1M")
    Duration rateLimitWindow();

    /**
     * CPN-3: how old a Redis reservation with no stored claim behind it must be before a new claim by the same buyer takes it
     * over (the request that made it died between Redis and PostgreSQL). Longer than any request can live.
     */
    @WithDefault("PT30S")
    Duration reservationTimeout();

    /**
     * CPN-7: a MaxMind GeoIP2/GeoLite2 Country or City database (.mmdb) deciding the buyer's country from the claim's IP
     * address; the country the storefront declares counts only when the address gives none. Unset: the declared country.
     */
    Optional<String> geoipDatabase();

    /** Page size cap of list endpoints. */
    @WithDefault("200")
    int maxPageSize();

    /**
     * Batches of claim reads, and of claim writes, in flight at once (ADR 7). Fewer make larger batches (fewer statements
     * and commits); more overlap round trips. One measured best at 64 connections (docs/benchmarks.md): ~9,300 claims/s
     * against ~8,000 with 2 and ~7,200 with 4.
     */
    @WithDefault("1")
    int batchesInFlight();
  }
}
