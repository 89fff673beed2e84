package com.sellergrowth.shortlink.redirect;

/** What a redirect knows of the visitor: no raw address, only keyed hashes (SHL-6). */
public record Visitor(String deviceType, String userAgentClass, String botReason, String country, String ipHash, String visitorHash) {
  public boolean isBot() {
    return botReason != null;
  }

  public boolean isMobile() {
    return "PHONE".equals(deviceType) || "TABLET".equals(deviceType);
  }
}
