package com.sellergrowth.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a minimal GeoIP2 Country database (MaxMind DB format 2.0, IPv4, 24-bit records) in which one IPv4 /24 network has
 * a country: enough to test the real MaxMind reader without a GeoLite2 download. Format: https://maxmind.github.io/MaxMind-DB/
 */
public final class TinyMmdb {
  private static final int PREFIX = 24;

  /** Writes the database to {@code file}: addresses in {@code a.b.c.0/24} belong to {@code isoCode}. */
  public static void write(Path file, int a, int b, int c, String isoCode) throws IOException {
    int nodeCount = PREFIX;
    long network = ((long) a << 24) | ((long) b << 16) | ((long) c << 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // search tree: node i decides bit i of the address; the other branch holds "no data" (the node count)
    for (int i = 0; i < PREFIX; i++) {
      int bit = (int) ((network >>> (31 - i)) & 1);
      long next = i < PREFIX - 1 ? i + 1 : nodeCount + 16; // the last bit points at the first record of the data section
      long left = bit == 0 ? next : nodeCount;
      long right = bit == 1 ? next : nodeCount;
      write24(out, left);
      write24(out, right);
    }
    out.write(new byte[16]); // data section separator
    // data: {"country": {"iso_code": isoCode}}
    map(out, 1);
    string(out, "country");
    map(out, 1);
    string(out, "iso_code");
    string(out, isoCode);
    out.write(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
    out.write("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
    map(out, 9);
    string(out, "binary_format_major_version");
    uint(out, 5, 2);
    string(out, "binary_format_minor_version");
    uint(out, 5, 0);
    string(out, "build_epoch");
    out.write(new byte[] {0x04, 0x02, 0x65, 0x00, 0x00, 0x00}); // uint64 (extended type 9), 4 bytes
    string(out, "database_type");
    string(out, "GeoLite2-Country");
    string(out, "description");
    map(out, 1);
    string(out, "en");
    string(out, "test database");
    string(out, "ip_version");
    uint(out, 5, 4);
    string(out, "languages");
    out.write(new byte[] {0x01, 0x04}); // array (extended type 11) of 1
    string(out, "en");
    string(out, "node_count");
    uint(out, 6, nodeCount);
    string(out, "record_size");
    uint(out, 5, 24);
    Files.write(file, out.toByteArray());
  }

  private static void write24(ByteArrayOutputStream out, long v) {
    out.write((int) (v >>> 16) & 0xff);
    out.write((int) (v >>> 8) & 0xff);
    out.write((int) v & 0xff);
  }

  private static void map(ByteArrayOutputStream out, int entries) {
    out.write((7 << 5) | entries);
  }

  private static void string(ByteArrayOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write((2 << 5) | b.length);
    out.write(b);
  }

  /** An unsigned integer of type 5 (uint16) or 6 (uint32) in one byte (values below 256). */
  private static void uint(ByteArrayOutputStream out, int type, int value) {
    if (value == 0) {
      out.write(type << 5);
    } else {
      out.write((type << 5) | 1);
      out.write(value);
    }
  }

  private TinyMmdb() {
  }
}
