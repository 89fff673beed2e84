package com.sellergrowth.coupon.testsupport;

import com.sellergrowth.testsupport.TinyMmdb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * CPN-7 in the tests: a tiny GeoIP2 database in which 192.0.2.0/24 (TEST-NET-1) is Poland, written before the application
 * starts and given to it as {@code coupon.claims.geoip-database}. Every other address of the tests is unknown to it, so
 * their declared country decides, as before.
 */
public class GeoIpDatabase implements QuarkusTestResourceLifecycleManager {
  /** An address the database places in Poland. */
  public static final String POLISH_ADDRESS = "192.0.2.9";

  @Override
  public Map<String, String> start() {
    try {
      Path db = Files.createTempFile("coupon-geoip", ".mmdb");
      db.toFile().deleteOnExit();
      TinyMmdb.write(db, 192, 0, 2, "PL");
      return Map.of("coupon.claims.geoip-database", db.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
  }
}
