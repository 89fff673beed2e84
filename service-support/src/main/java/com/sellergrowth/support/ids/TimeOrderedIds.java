package com.sellergrowth.support.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids made later sort later, so rows keyed by
 * them are appended at the right edge of their B-tree index instead of landing on a random page: on the claim path that
 * halved the full-page images PostgreSQL writes to its WAL after each checkpoint (ADR 7). Still unguessable enough for ids
 * that are not secrets; the time of creation is visible in them.
 */
public final class TimeOrderedIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new id for now. */
  public static UUID next() {
    return at(System.currentTimeMillis());
  }

  /** A new id for the given Unix millisecond (tests; ids are made with the real time, not a business clock). */
  public static UUID at(long unixMillis) {
    long random = RANDOM.nextLong();
    long msb = (unixMillis << 16) | 0x7000L | ((random >>> 52) & 0x0FFFL);
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  private TimeOrderedIds() {
  }
}
