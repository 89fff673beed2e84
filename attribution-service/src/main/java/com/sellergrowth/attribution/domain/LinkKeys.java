package com.sellergrowth.attribution.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys that sign and verify marketing-code links (ATR-3), from configuration: {@code id:secret} for a key in use and
 * {@code id:secret@<instant>} for a retired key whose links keep verifying until that instant. New links are signed with the
 * active key; rotating means adding a new key, making it active, and giving the old one an end date.
 */
public final class LinkKeys {
  /** A secret shorter than this is refused at start-up. */
  public static final int MIN_SECRET_LENGTH = 16;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  /** One key: its id (carried in every link it signs), its secret, and the end of its validity (null: no end). */
  public record Key(String id, byte[] secret, Instant validUntil) {
    public boolean verifiesAt(Instant now) {
      return validUntil == null || !now.isAfter(validUntil);
    }
  }

  private final Map<String, Key> keys;
  private final Key active;

  private LinkKeys(Map<String, Key> keys, Key active) {
    this.keys = keys;
    this.active = active;
  }

  /** Parses the configuration; refuses (at start-up) anything that could sign links that never verify. */
  public static LinkKeys parse(String spec, String activeId) {
    Map<String, Key> keys = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      String e = entry.trim();
      int colon = e.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("attribution.links.keys: each key is id:secret or id:secret@instant");
      }
      String id = e.substring(0, colon);
      String secret = e.substring(colon + 1);
      Instant until = null;
      int at = secret.lastIndexOf('@');
      if (at >= 0) {
        try {
          until = Instant.parse(secret.substring(at + 1));
        } catch (DateTimeParseException ex) {
          throw new IllegalArgumentException("attribution.links.keys: key " + id + " has an unreadable end date", ex);
        }
        secret = secret.substring(0, at);
      }
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException("attribution.links.keys: a key id is 1 to 32 letters, digits, '_' or '-'");
      }
      if (secret.length() < MIN_SECRET_LENGTH) {
        throw new IllegalArgumentException("attribution.links.keys: key " + id + " needs a secret of at least " + MIN_SECRET_LENGTH + " characters");
      }
      if (keys.put(id, new Key(id, secret.getBytes(StandardCharsets.UTF_8), until)) != null) {
        throw new IllegalArgumentException("attribution.links.keys: key " + id + " is listed twice");
      }
    }
    Key active = keys.get(activeId);
    if (active == null || active.validUntil() != null) {
      throw new IllegalArgumentException("attribution.links.active-key must name a listed key without an end date");
    }
    return new LinkKeys(Map.copyOf(keys), active);
  }

  public Key active() {
    return active;
  }

  /** The key with this id, or null. */
  public Key find(String id) {
    return id == null ? null : keys.get(id);
  }
}
