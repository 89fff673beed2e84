package com.sellergrowth.shortlink.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** shortlink-service settings (SPEC section 7). Every rule's threshold is here with the SPEC's value as default. */
@ConfigMapping(prefix = "shortlink")
public interface ShortlinkConfig {

  /** SHL-1: the public short domain with scheme and trailing slash; base URL plus code must fit in 32 characters. */
  @WithDefault("https://sgp.ly/")
  String baseUrl();

  Codes codes();

  Targets targets();

  Eligibility eligibility();

  Redirect redirect();

  Clicks clicks();

  Api api();

  interface Codes {
    /** Length of generated codes (base62): 62^8 = 2.2e14 possible codes. */
    @WithDefault("8")
    int length();

    /** Shortest custom alias. */
    @WithDefault("4")
    int aliasMinLength();
  }

  interface Targets {
    /** SHL-2: the marketplace hosts a link may point to (exact, lower-case ASCII host names). */
    List<String> allowedHosts();

    /** SHL-5: the seller's store page, the fallback for delisted or out-of-stock targets; {sellerId} is replaced. */
    String storePage();

    /** A regular expression with a group named {@code sku} that extracts the SKU from a target's path, for the stock check. */
    @WithDefault("^/item/(?<sku>[A-Za-z0-9._-]{1,64})$")
    String skuPathPattern();
  }

  interface Eligibility {
    /** SHL-3: a serious violation within this window makes a seller ineligible. */
    @WithDefault("P90D")
    Duration violationWindow();
  }

  interface Redirect {
    /** Longest time an instance serves a resolved link or SKU state from memory before asking Redis again. */
    @WithDefault("PT1S")
    Duration cacheTtl();

    /** Most links (and SKU states) an instance keeps in memory. */
    @WithDefault("100000")
    long cacheSize();

    /** How long a link's resolution view stays in Redis after it was last written (rebuilt from PostgreSQL on a miss). */
    @WithDefault("P1D")
    Duration viewTtl();

    /** SPEC section 9: redirects admitted per client address per window, per instance. */
    @WithDefault("600")
    int rateLimitPerIp();

    @WithDefault("PT1M")
    Duration rateLimitWindow();

    /** Connection addresses (IP literals) whose X-Forwarded-For is believed (its rightmost entry); see ClientAddress. */
    @WithDefault("127.0.0.1,0:0:0:0:0:0:0:1")
    List<String> trustedProxies();

    /** The request header the edge or gateway sets with the visitor's ISO country code. */
    @WithDefault("X-Country-Code")
    String countryHeader();

    /** A GeoIP2/GeoLite2 Country or City database file; when set, the country comes from it when the header is absent. */
    Optional<String> geoipDatabase();

    /** Substrings (case-insensitive) of user agents counted as bots besides those the parser classifies as robots. */
    @WithDefault("bot,crawler,spider,curl/,wget/,python-requests,python-urllib,go-http-client,java/,okhttp,headlesschrome,"
        + "facebookexternalhit,slackbot,whatsapp,preview,httpclient,libwww-perl,scrapy")
    List<String> botMarkers();
  }

  interface Clicks {
    /** Clicks held in memory while Kafka is slow or down; beyond this they are dropped, counted and logged. */
    @WithDefault("200000")
    int bufferCapacity();

    /** Largest batch the publisher hands to the Kafka producer at once. */
    @WithDefault("1000")
    int batchSize();

    /** Key of the keyed hashes of client addresses (no raw IP is stored or published). Set a secret in production. */
    @WithDefault("dev-only-click-hash-key")
    String hashKey();

    /** How long the Kafka producer retries a click while the broker is down before the click is counted as lost. */
    @WithDefault("PT10M")
    Duration deliveryTimeout();
  }

  interface Api {
    /** SHL-7: most links in one batch request. */
    @WithDefault("500")
    int maxBatch();

    /** Page size cap of list endpoints. */
    @WithDefault("200")
    int maxPageSize();
  }
}
