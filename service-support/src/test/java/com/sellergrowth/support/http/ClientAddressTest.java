package com.sellergrowth.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The visitor's address for rate limits and hashes: X-Forwarded-For only from trusted proxies, and only what they appended. */
class ClientAddressTest {
  private final ClientAddress address = new ClientAddress(List.of("127.0.0.1"));

  @Test
  void aTrustedProxysRightmostEntryIsTheVisitor() {
    assertThat(address.of("127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
    // the client wrote '1.1.1.1' itself; our proxy appended the real address
    assertThat(address.of("127.0.0.1", "1.1.1.1, 203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(address.of("127.0.0.1", "2001:db8::1")).isEqualTo("2001:db8::1");
  }

  @Test
  void anUntrustedPeerCannotChooseItsAddress() {
    assertThat(address.of("198.51.100.9", "203.0.113.7")).isEqualTo("198.51.100.9");
  }

  // SHL-6, issue 15: X-Country-Code was believed from any client; like X-Forwarded-For, only the gateway may set it
  @Test
  void aGatewayHeaderIsBelievedFromATrustedProxyOnly() {
    assertThat(address.fromProxy("127.0.0.1", "PL")).isEqualTo("PL");
    assertThat(address.fromProxy("198.51.100.9", "PL")).isNull();
    assertThat(address.fromProxy(null, "PL")).isNull();
    assertThat(address.fromProxy("127.0.0.1", null)).isNull();
  }

  // Issue 15 review: names of hex letters (ad.be) passed the loose check and went to DNS
  @Test
  void onlyAddressLiteralsAreAddresses() {
    assertThat(IpLiterals.isLiteral("203.0.113.7")).isTrue();
    assertThat(IpLiterals.isLiteral("255.255.255.255")).isTrue();
    assertThat(IpLiterals.isLiteral("0.0.0.0")).isTrue();
    assertThat(IpLiterals.isLiteral("2001:db8::1")).isTrue();
    assertThat(IpLiterals.isLiteral("::ffff:192.0.2.1")).isTrue();
    assertThat(IpLiterals.isLiteral("ad.be")).isFalse();
    assertThat(IpLiterals.isLiteral("dead.beef")).isFalse();
    assertThat(IpLiterals.isLiteral("256.1.1.1")).isFalse();
    assertThat(IpLiterals.isLiteral("1.2.3")).isFalse();
    assertThat(IpLiterals.isLiteral("01.2.3.4")).isFalse();
    assertThat(IpLiterals.isLiteral("")).isFalse();
    assertThat(IpLiterals.isLiteral(null)).isFalse();
    assertThat(address.of("127.0.0.1", "ad.be")).isEqualTo("127.0.0.1");
  }

  @Test
  void somethingThatIsNotAnAddressIsIgnored() {
    assertThat(address.of("127.0.0.1", "evil.example")).isEqualTo("127.0.0.1");
    assertThat(address.of("127.0.0.1", "")).isEqualTo("127.0.0.1");
    assertThat(address.of("127.0.0.1", null)).isEqualTo("127.0.0.1");
    assertThat(address.of(null, "203.0.113.7")).isEqualTo("unknown");
  }
}
