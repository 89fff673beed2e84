package com.sellergrowth.attribution.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** attribution-service settings (SPEC section 5). Every key has a default fit for local runs. */
@ConfigMapping(prefix = "attribution")
public interface AttributionConfig {

  Links links();

  Targets targets();

  Clicks clicks();

  Redirect redirect();

  Window window();

  Commission commission();

  Api api();

  /** Signed links (ATR-3). */
  interface Links {
    /** Base URL of the public redirect host; links are {@code <base-url>af/<codeId>?...}. Ends with a slash. */
    @WithDefault("http://localhost:8083/")
    String baseUrl();

    /**
     * Signing keys, comma-separated: {@code id:secret} for a key in use, {@code id:secret@2027-01-31T00:00:00Z} for a retired key
     * whose old links keep working until that instant (rotation). Secrets are at least 16 characters, without ',' or '@'.
     */
    String keys();

    /** The key new links are signed with; one of {@link #keys()} without an end date. */
    String activeKey();
  }

  /** Where links may lead (ATR-3). */
  interface Targets {
    /** The marketplace's own hosts; any other host is refused. */
    List<String> allowedHosts();

    /** Where a link whose signature fails sends the visitor (nothing of the tampered link is followed). */
    String fallbackPage();
  }

  /** Click facts (ATR-6). */
  interface Clicks {
    /** Key of the keyed hash of visitors' addresses: no raw IP is published or stored. */
    String hashKey();

    /** The same device clicking the same code again within this counts once (ATR-6). */
    @WithDefault("PT1H")
    Duration dedupeWindow();
  }

  /** The public redirect. */
  interface Redirect {
    /** Redirects per client address per minute, per instance. */
    @WithDefault("600")
    int rateLimitPerIp();

    /** Proxies whose X-Forwarded-For is believed (IP literals). */
    List<String> trustedProxies();

    /** Header with the marketplace's device id (set by its apps); without it, the {@code sgp_did} cookie is used or issued. */
    @WithDefault("X-Device-Id")
    String deviceHeader();
  }

  /** The attribution window (ATR-5). */
  interface Window {
    /** An order within this of a valid click is attributed to it (30:00 in, 30:01 out). */
    @WithDefault("PT30M")
    Duration length();

    /** An order sooner than this after the click is not attributed to it: a click injected just before checkout. */
    @WithDefault("PT5S")
    Duration minClickToOrder();

    /**
     * How long an order that found no click waits for a click still on its way (arrival time, service clock). Generous on
     * purpose: a click consumer that lags (a restart, a backlog) must not lose attributions; the window itself is in event time.
     */
    @WithDefault("P1D")
    Duration orderGrace();
  }

  /** Commission (ATR-7). */
  interface Commission {
    /** Category rates in basis points, {@code category:bp} comma-separated; each between 500 and 1200 (5% to 12%). */
    String categoryRates();

    /** Rate of a category not listed, in basis points (500..1200). */
    @WithDefault("800")
    int defaultRateBp();

    /** A pending commission locks this long after the order was paid (the refund period); a refund after it is a clawback. */
    @WithDefault("P15D")
    Duration lockAfter();

    /** How often the lock job looks for due commissions. */
    @WithDefault("60s")
    String lockEvery();
  }

  /** API bounds. */
  interface Api {
    @WithDefault("100")
    int maxPageSize();

    /** Rows of one CSV import (ATR-4). */
    @WithDefault("500")
    int maxImportRows();

    /** Bytes of one CSV import. */
    @WithDefault("1048576")
    int maxImportBytes();

    /** Days one report may span. */
    @WithDefault("93")
    int maxReportDays();
  }
}
