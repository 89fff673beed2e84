package com.sellergrowth.attribution.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ATR-3: a marketing code's link is tamper-proof. It reads {@code <base>af/<codeId>?s=<seller>&t=<target>&utm_source=...
 * &utm_medium=...&utm_campaign=...&utm_content=...[&utm_term=...]&k=<key id>&af=<signature>}, where the signature is an
 * HMAC-SHA256, under key {@code k}, over every parameter and the code id. Changing, removing or repeating any of them fails
 * verification; parameters a platform appends on its own (say {@code fbclid}) are neither signed nor passed on. The redirect
 * needs nothing but the link: no lookup on the hot path.
 */
public final class LinkSigner {
  private static final String VERSION = "af1";
  private static final List<String> SIGNED = List.of("s", "t", Utm.SOURCE, Utm.MEDIUM, Utm.CAMPAIGN, Utm.CONTENT, Utm.TERM, "k");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final LinkKeys keys;

  public LinkSigner(LinkKeys keys) {
    this.keys = keys;
  }

  /** What a verified link says. */
  public record Verified(UUID codeId, String sellerId, String target, Utm utm, String keyId) {
  }

  /** The outcome of a verification: {@code verified} or, when it fails, why ({@code reason}) and what the link claims. */
  public record Verification(Verified verified, String reason, String claimedSellerId) {
    public boolean ok() {
      return verified != null;
    }
  }

  /** The link of a code, signed with the active key. */
  public String link(String baseUrl, UUID codeId, String sellerId, ValidCode code) {
    LinkKeys.Key key = keys.active();
    Map<String, String> p = params(sellerId, code.target(), code.utm(), key.id());
    StringBuilder q = new StringBuilder(baseUrl).append("af/").append(codeId).append('?');
    for (String name : SIGNED) {
      String v = p.get(name);
      if (v != null) {
        q.append(name).append('=').append(Utm.encode(v)).append('&');
      }
    }
    return q.append("af=").append(sign(key, codeId.toString(), p)).toString();
  }

  /** The key id the active key signs with. */
  public String activeKeyId() {
    return keys.active().id();
  }

  /**
   * Verifies a link as it arrives: {@code codeId} from the path (a UUID), {@code rawQuery} undecoded. Fails with a reason:
   * MALFORMED (a parameter cannot be read, or one is repeated or missing), UNKNOWN_KEY, RETIRED_KEY, SIGNATURE.
   */
  public Verification verify(UUID codeId, String rawQuery, Instant now) {
    Map<String, String> p = new HashMap<>();
    String signature = null;
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        boolean signed = SIGNED.contains(name);
        if (!signed && !"af".equals(name)) {
          continue;
        }
        String value;
        try {
          value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return failed("MALFORMED", p);
        }
        if ("af".equals(name)) {
          if (signature != null) {
            return failed("MALFORMED", p);
          }
          signature = value;
        } else if (p.put(name, value) != null) {
          return failed("MALFORMED", p);
        }
      }
    }
    for (String required : SIGNED) {
      if (!Utm.TERM.equals(required) && !p.containsKey(required)) {
        return failed("MALFORMED", p);
      }
    }
    if (signature == null) {
      return failed("MALFORMED", p);
    }
    LinkKeys.Key key = keys.find(p.get("k"));
    if (key == null) {
      return failed("UNKNOWN_KEY", p);
    }
    if (!key.verifiesAt(now)) {
      return failed("RETIRED_KEY", p);
    }
    byte[] expected = sign(key, codeId.toString(), p).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
      return failed("SIGNATURE", p);
    }
    Utm utm = new Utm(p.get(Utm.SOURCE), p.get(Utm.MEDIUM), p.get(Utm.CAMPAIGN), p.get(Utm.CONTENT), p.get(Utm.TERM));
    return new Verification(new Verified(codeId, p.get("s"), p.get("t"), utm, key.id()), null, p.get("s"));
  }

  private static Verification failed(String reason, Map<String, String> p) {
    return new Verification(null, reason, p.get("s"));
  }

  private static Map<String, String> params(String sellerId, String target, Utm utm, String keyId) {
    Map<String, String> p = new HashMap<>();
    p.put("s", sellerId);
    p.put("t", target);
    p.put(Utm.SOURCE, utm.source());
    p.put(Utm.MEDIUM, utm.medium());
    p.put(Utm.CAMPAIGN, utm.campaign());
    p.put(Utm.CONTENT, utm.content());
    if (utm.term() != null) {
      p.put(Utm.TERM, utm.term());
    }
    p.put("k", keyId);
    return p;
  }

  /** HMAC over the version, the code id and every signed parameter, each length-prefixed (no two inputs share a message). */
  private static String sign(LinkKeys.Key key, String codeId, Map<String, String> p) {
    StringBuilder m = new StringBuilder(VERSION).append('|').append(codeId.length()).append(':').append(codeId);
    for (String name : SIGNED) {
      String v = p.get(name);
      m.append('|').append(name);
      if (v != null) {
        m.append('=').append(v.length()).append(':').append(v);
      }
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(m.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
