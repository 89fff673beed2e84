package com.sellergrowth.attribution.domain;

import java.util.List;
import java.util.Locale;

/**
 * ATR-6: clicks from robots do not count. A user agent counts as a robot when it is missing or blank, or names a crawler,
 * a preview fetcher or an HTTP tool. Conservative on purpose (a real browser's user agent never contains these markers);
 * risk-service applies its own, configurable bot list on top (RSK-5).
 */
public final class BotMarkers {
  private static final List<String> MARKERS = List.of("bot", "crawl", "spider", "slurp", "facebookexternalhit", "preview", "curl/",
      "wget/", "python-requests", "python-urllib", "httpclient", "okhttp", "go-http-client", "java/", "libwww", "headless", "phantomjs",
      "scrapy", "postman");

  private BotMarkers() {
  }

  public static boolean isBot(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return true;
    }
    String ua = userAgent.toLowerCase(Locale.ROOT);
    for (String m : MARKERS) {
      if (ua.contains(m)) {
        return true;
      }
    }
    return false;
  }
}
