package com.sellergrowth.shortlink.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.testsupport.TinyMmdb;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHL-6: with a GeoIP2 database configured, the country comes from it when the gateway sent no country header. */
class GeoIpCountryTest {

  @Test
  void theCountryComesFromTheGeoIpDatabaseWhenTheHeaderIsAbsent_SHL6(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("country.mmdb");
    TinyMmdb.write(db, 203, 0, 113, "JP");
    VisitorClassifier classifier = new VisitorClassifier(List.of(), "k", Optional.of(db.toString()));
    String ua = VisitorClassifierTest.DESKTOP;
    assertThat(classifier.classify("GET", ua, "203.0.113.7", null).country()).isEqualTo("JP");
    assertThat(classifier.classify("GET", ua, "198.51.100.1", null).country()).isNull();
    assertThat(classifier.classify("GET", ua, "203.0.113.7", "de").country()).isEqualTo("DE");
    assertThat(classifier.classify("GET", ua, "not-an-address", null).country()).isNull();
  }
}
