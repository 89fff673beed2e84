package com.sellergrowth.support.http;

import java.util.Collection;
import java.util.Set;

/**
 * The visitor's address behind the gateway. {@code X-Forwarded-For} is believed only from the configured proxy addresses
 * (IP literals: no DNS on the hot path), and only its rightmost entry, the one our proxy appended: entries to its left
 * come from the client and can be forged. Anything that is not an IP literal falls back to the connection's address.
 *
 * <p>Quarkus' own {@code quarkus.http.proxy.*} forwarding is not used: here it stalled a request for 5 s at intervals
 * (a resolver timeout on a machine without DNS), and it picks the leftmost, forgeable entry (shortlink-service, docs/decisions/0005).
 */
public final class ClientAddress {

  private final Set<String> trustedProxies;

  public ClientAddress(Collection<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  /**
   * A header only the gateway may set (the visitor's country, say): its value when the connection comes from a trusted proxy,
   * null from anyone else, who could write anything in it (issue 15).
   */
  public String fromProxy(String peer, String headerValue) {
    return peer != null && trustedProxies.contains(peer) ? headerValue : null;
  }

  /** @param peer the connection's remote address; @param forwardedFor the X-Forwarded-For header, or null */
  public String of(String peer, String forwardedFor) {
    if (peer == null || !trustedProxies.contains(peer) || forwardedFor == null) {
      return peer == null ? "unknown" : peer;
    }
    String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).trim();
    return IpLiterals.isLiteral(last) ? last : peer;
  }
}
