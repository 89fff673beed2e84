package com.sellergrowth.attribution.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The UTM fields of a marketing code (ATR-1): source, medium, campaign and content required, term optional. They reach the
 * target exactly as the seller typed them (ATR-9): each value percent-encoded once as UTF-8, in a fixed order.
 */
public record Utm(String source, String medium, String campaign, String content, String term) {
  public static final String SOURCE = "utm_source";
  public static final String MEDIUM = "utm_medium";
  public static final String CAMPAIGN = "utm_campaign";
  public static final String CONTENT = "utm_content";
  public static final String TERM = "utm_term";

  /** {@code utm_source=...&utm_medium=...&utm_campaign=...&utm_content=...[&utm_term=...]}, each value encoded once. */
  public String query() {
    StringBuilder q = new StringBuilder();
    q.append(SOURCE).append('=').append(encode(source)).append('&').append(MEDIUM).append('=').append(encode(medium))
        .append('&').append(CAMPAIGN).append('=').append(encode(campaign)).append('&').append(CONTENT).append('=').append(encode(content));
    if (term != null) {
      q.append('&').append(TERM).append('=').append(encode(term));
    }
    return q.toString();
  }

  /** RFC 3986 percent-encoding of a query value (a space is %20, never '+'). */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }
}
