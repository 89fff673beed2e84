package com.sellergrowth.shortlink.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SHL-6: device type, bots with their reason, country, and no raw address in what is published. */
class VisitorClassifierTest {
  static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
      + "Version/17.1 Mobile/15E148 Safari/604.1";
  static final String IPAD = "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 "
      + "Mobile/15E148 Safari/604.1";
  static final String DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
      + "Safari/537.36";
  static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  private static VisitorClassifier classifier;

  @BeforeAll
  static void build() {
    classifier = new VisitorClassifier(List.of("curl/", "python-requests", "facebookexternalhit"), "test-key", Optional.empty());
  }

  @Test
  void tellsPhonesTabletsAndDesktops_SHL6() {
    assertThat(classifier.classify("GET", IPHONE, "10.0.0.1", null).deviceType()).isEqualTo("PHONE");
    assertThat(classifier.classify("GET", IPAD, "10.0.0.1", null).deviceType()).isEqualTo("TABLET");
    Visitor desktop = classifier.classify("GET", DESKTOP, "10.0.0.1", null);
    assertThat(desktop.deviceType()).isEqualTo("DESKTOP");
    assertThat(desktop.isBot()).isFalse();
    assertThat(desktop.userAgentClass()).isEqualTo("HUMAN");
  }

  @Test
  void flagsCrawlersToolsHeadRequestsAndEmptyAgentsWithAReason_SHL6() {
    assertThat(classifier.classify("GET", GOOGLEBOT, "10.0.0.1", null).botReason()).isEqualTo("BOT_USER_AGENT");
    assertThat(classifier.classify("GET", "curl/8.4.0", "10.0.0.1", null).botReason()).isEqualTo("BOT_USER_AGENT");
    assertThat(classifier.classify("GET", "python-requests/2.31", "10.0.0.1", null).botReason()).isEqualTo("BOT_USER_AGENT");
    assertThat(classifier.classify("HEAD", DESKTOP, "10.0.0.1", null).botReason()).isEqualTo("HEAD_REQUEST");
    Visitor empty = classifier.classify("GET", "", "10.0.0.1", null);
    assertThat(empty.botReason()).isEqualTo("EMPTY_USER_AGENT");
    assertThat(empty.userAgentClass()).isEqualTo("BOT");
    assertThat(empty.deviceType()).isEqualTo("BOT");
  }

  @Test
  void countryComesFromTheGatewayHeaderWhenValid_SHL6() {
    assertThat(classifier.classify("GET", DESKTOP, "10.0.0.1", "de").country()).isEqualTo("DE");
    assertThat(classifier.classify("GET", DESKTOP, "10.0.0.1", "Germany").country()).isNull();
    assertThat(classifier.classify("GET", DESKTOP, "10.0.0.1", null).country()).isNull();
  }

  @Test
  void publishesKeyedHashesNeverTheAddress_SHL6() {
    Visitor a = classifier.classify("GET", DESKTOP, "203.0.113.7", null);
    Visitor sameAddressOtherBrowser = classifier.classify("GET", IPHONE, "203.0.113.7", null);
    assertThat(a.ipHash()).hasSize(32).doesNotContain("203.0.113.7").isEqualTo(sameAddressOtherBrowser.ipHash());
    assertThat(a.visitorHash()).isNotEqualTo(sameAddressOtherBrowser.visitorHash());
    VisitorClassifier otherKey = new VisitorClassifier(List.of(), "another-key", Optional.empty());
    assertThat(otherKey.classify("GET", DESKTOP, "203.0.113.7", null).ipHash()).isNotEqualTo(a.ipHash());
  }
}
