package com.sellergrowth.coupon.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/** CPN-16: an A/B variant with a traffic weight and its own face value. */
public record Variant(String name, int weight, long faceValueMinor) {

  /**
   * The buyer's variant: a stable hash of (coupon, buyer) over the cumulative weights, so a buyer always lands in the same
   * variant and the split follows the weights. Null when the coupon has no variants.
   */
  public static Variant assign(List<Variant> variants, String couponId, String buyerId) {
    if (variants.isEmpty()) {
      return null;
    }
    int total = variants.stream().mapToInt(Variant::weight).sum();
    CRC32 crc = new CRC32();
    crc.update((couponId + '|' + buyerId).getBytes(StandardCharsets.UTF_8));
    long point = crc.getValue() % total;
    long upTo = 0;
    for (Variant v : variants) {
      upTo += v.weight();
      if (point < upTo) {
        return v;
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
