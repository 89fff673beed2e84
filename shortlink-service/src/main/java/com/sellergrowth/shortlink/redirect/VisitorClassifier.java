package com.sellergrowth.shortlink.redirect;

import com.sellergrowth.support.geo.GeoIpCountries;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Classifies a redirect's visitor (SHL-6): device type and robots from the user agent through Yauaa (a maintained parser,
 * cached per user-agent string, so the hot path pays a map lookup), a configurable list of bot markers on top, HEAD requests
 * as bots; the country from the gateway's header or, when configured, a GeoIP2 database; keyed hashes of the address
 * (for burst rules) and of address plus user agent (for UV). Thread-safe.
 */
public final class VisitorClassifier {
  private static final HexFormat HEX = HexFormat.of();

  private final UserAgentAnalyzer analyzer;
  private final List<String> botMarkers;
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;
  private final GeoIpCountries geoip;

  public VisitorClassifier(List<String> botMarkers, String hashKey, Optional<String> geoipDatabase) {
    this.analyzer = UserAgentAnalyzer.newBuilder().withFields(UserAgent.DEVICE_CLASS, UserAgent.AGENT_CLASS).withCache(20_000)
        .hideMatcherLoadStats().immediateInitialization().build();
    this.botMarkers = botMarkers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    this.key = new SecretKeySpec(hashKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
    this.geoip = new GeoIpCountries(geoipDatabase);
  }

  /** @param countryHeader the value of the configured country header, or null */
  public Visitor classify(String method, String userAgent, String address, String countryHeader) {
    String ua = userAgent == null ? "" : userAgent.trim();
    String device = "OTHER";
    String botReason = null;
    if ("HEAD".equals(method)) {
      botReason = "HEAD_REQUEST";
    }
    if (ua.isEmpty()) {
      botReason = botReason != null ? botReason : "EMPTY_USER_AGENT";
    } else {
      UserAgent.ImmutableUserAgent parsed = analyzer.parse(ua);
      device = deviceType(parsed.getValue(UserAgent.DEVICE_CLASS));
      String agentClass = parsed.getValue(UserAgent.AGENT_CLASS);
      if (botReason == null && ("BOT".equals(device) || isBotAgentClass(agentClass) || hasBotMarker(ua))) {
        botReason = "BOT_USER_AGENT";
      }
    }
    if (botReason != null && !"HEAD_REQUEST".equals(botReason)) {
      device = "BOT";
    }
    return new Visitor(device, botReason == null ? "HUMAN" : "BOT", botReason, country(countryHeader, address),
        hash("ip|" + address), hash("visitor|" + address + "|" + ua));
  }

  private static String deviceType(String deviceClass) {
    return switch (deviceClass) {
      case "Desktop" -> "DESKTOP";
      case "Phone", "Mobile", "Watch" -> "PHONE";
      case "Tablet", "eReader" -> "TABLET";
      case "Robot", "Robot Mobile", "Robot Imitator", "Hacker" -> "BOT";
      default -> "OTHER";
    };
  }

  private static boolean isBotAgentClass(String agentClass) {
    return agentClass.startsWith("Robot") || "Cloud Application".equals(agentClass) || "Hacker".equals(agentClass)
        || "Special".equals(agentClass);
  }

  private boolean hasBotMarker(String ua) {
    String lower = ua.toLowerCase(Locale.ROOT);
    for (String m : botMarkers) {
      if (lower.contains(m)) {
        return true;
      }
    }
    return false;
  }

  private String country(String header, String address) {
    if (header != null && header.length() == 2 && Character.isLetter(header.charAt(0)) && Character.isLetter(header.charAt(1))) {
      return header.toUpperCase(Locale.ROOT);
    }
    return geoip.of(address).orElse(null); // unknown without a database, for a non-literal, or outside it
  }

  /** Keyed hash (HMAC-SHA256, first 16 bytes in hex): stable for a key, useless without it. */
  String hash(String value) {
    byte[] mac = macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(mac, 0, 16);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
