package com.sellergrowth.support.geo;

import com.maxmind.db.CHMCache;
import com.maxmind.geoip2.DatabaseReader;
import com.sellergrowth.support.http.IpLiterals;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The country of an IP address from a MaxMind GeoIP2/GeoLite2 database (Country or City), read once into memory with a
 * cache: shortlink-service's click country (SHL-6) and coupon-service's buyer country (CPN-7). Without a database every
 * address is unknown. Only IP literals are looked up: never a DNS query on a hot path.
 */
public final class GeoIpCountries {
  private final DatabaseReader reader;
  private final boolean city;

  /** @param database the path of the .mmdb file, or empty: no lookups */
  public GeoIpCountries(Optional<String> database) {
    if (database.isPresent()) {
      try {
        this.reader = new DatabaseReader.Builder(new File(database.get())).withCache(new CHMCache()).build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the GeoIP database " + database.get(), e);
      }
      this.city = reader.getMetadata().getDatabaseType().contains("City");
    } else {
      this.reader = null;
      this.city = false;
    }
  }

  /** The ISO 3166-1 alpha-2 country of {@code address}, or empty when it is not an IP literal or not in the database. */
  public Optional<String> of(String address) {
    if (reader == null || !IpLiterals.isLiteral(address)) {
      return Optional.empty();
    }
    try {
      InetAddress ip = InetAddress.getByName(address); // a literal: parsed, not resolved
      var country = city ? reader.tryCity(ip).map(c -> c.getCountry()) : reader.tryCountry(ip).map(c -> c.getCountry());
      return country.map(c -> c.getIsoCode());
    } catch (Exception e) {
      return Optional.empty(); // malformed literal, or an address the database does not know
    }
  }
}
