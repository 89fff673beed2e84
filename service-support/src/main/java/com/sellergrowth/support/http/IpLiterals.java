package com.sellergrowth.support.http;

import java.util.regex.Pattern;

/**
 * Whether a string is an IP address literal, decided without the resolver: a dotted quad of 0-255, or an IPv6 literal
 * (with a colon, which {@code InetAddress} parses and never resolves). A looser "hex digits, dots and colons" test let names
 * such as {@code ad.be} through, and {@code InetAddress.getByName} then sent them to DNS (issue 15 review): a blocked event
 * loop, and a country chosen by whoever controls that name's DNS.
 */
public final class IpLiterals {
  private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  public static boolean isLiteral(String s) {
    return s != null && (IPV4.matcher(s).matches() || (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()));
  }

  private IpLiterals() {
  }
}
