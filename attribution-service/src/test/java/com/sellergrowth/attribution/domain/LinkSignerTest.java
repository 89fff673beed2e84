package com.sellergrowth.attribution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ATR-3: a link verifies exactly as signed; changing, removing or repeating any parameter fails; keys rotate. */
class LinkSignerTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final UUID CODE = UUID.fromString("0190c2a4-1111-7000-8000-000000000001");
  static final ValidCode VALID = new ValidCode("https://www.marketplace.example/item/SKU-1?color=red", "SKU-1",
      new Utm("instagram", "social", "ig_202405_kd_summer_sale", "reel 1 & co/ü", null));
  final LinkSigner signer = new LinkSigner(LinkKeys.parse("k1:0123456789abcdef0123", "k1"));

  private static String query(String link) {
    return link.substring(link.indexOf('?') + 1);
  }

  @Test
  void aSignedLinkVerifiesAndGivesBackEveryParameterUnchanged() {
    String link = signer.link("https://go.example/", CODE, "seller-1", VALID);
    assertThat(link).startsWith("https://go.example/af/" + CODE + "?s=seller-1&t=");
    LinkSigner.Verification v = signer.verify(CODE, query(link), NOW);
    assertThat(v.ok()).isTrue();
    assertThat(v.verified().sellerId()).isEqualTo("seller-1");
    assertThat(v.verified().target()).isEqualTo(VALID.target());
    assertThat(v.verified().utm()).isEqualTo(VALID.utm());
    assertThat(v.verified().keyId()).isEqualTo("k1");
  }

  @Test
  void changingAnyParameterFailsVerification() {
    String q = query(signer.link("https://go.example/", CODE, "seller-1", VALID));
    for (String[] change : new String[][] {{"s=seller-1", "s=seller-2"}, {"utm_source=instagram", "utm_source=instagran"},
        {"utm_medium=social", "utm_medium=email"}, {"utm_campaign=ig_", "utm_campaign=xg_"}, {"utm_content=reel", "utm_content=reeL"},
        {"t=https", "t=http"}, {"k=k1", "k=k2"}}) {
      assertThat(q).contains(change[0]);
      LinkSigner.Verification v = signer.verify(CODE, q.replace(change[0], change[1]), NOW);
      assertThat(v.ok()).as("changed %s", change[0]).isFalse();
    }
    assertThat(signer.verify(UUID.randomUUID(), q, NOW).reason()).isEqualTo("SIGNATURE");
    assertThat(signer.verify(CODE, q + "&utm_term=x", NOW).reason()).isEqualTo("SIGNATURE");
    assertThat(signer.verify(CODE, q.replace("af=", "af=A"), NOW).reason()).isEqualTo("SIGNATURE");
  }

  @Test
  void removingOrRepeatingAParameterIsMalformed() {
    String q = query(signer.link("https://go.example/", CODE, "seller-1", VALID));
    assertThat(signer.verify(CODE, q.replaceAll("&utm_medium=[^&]*", ""), NOW).reason()).isEqualTo("MALFORMED");
    assertThat(signer.verify(CODE, q + "&s=seller-1", NOW).reason()).isEqualTo("MALFORMED");
    assertThat(signer.verify(CODE, q + "&af=x", NOW).reason()).isEqualTo("MALFORMED");
    assertThat(signer.verify(CODE, q.replaceAll("&af=[^&]*", ""), NOW).reason()).isEqualTo("MALFORMED");
    assertThat(signer.verify(CODE, q.replace("t=https", "t=%E0%A4%Ahttps"), NOW).reason()).isEqualTo("MALFORMED");
    assertThat(signer.verify(CODE, "", NOW).reason()).isEqualTo("MALFORMED");
    assertThat(signer.verify(CODE, null, NOW).reason()).isEqualTo("MALFORMED");
    assertThat(signer.verify(CODE, q.replaceAll("&af=[^&]*", "&af"), NOW).reason()).isEqualTo("SIGNATURE");
    assertThat(signer.verify(CODE, q.replace("s=seller-1", "s"), NOW).reason()).isEqualTo("SIGNATURE");
    assertThat(signer.verify(CODE, q.replace("s=seller-1", "s"), NOW).claimedSellerId()).isEmpty();
    assertThat(signer.activeKeyId()).isEqualTo("k1");
  }

  @Test
  void parametersAPlatformAppendsAreIgnoredAndTheClaimedSellerIsReported() {
    String q = query(signer.link("https://go.example/", CODE, "seller-1", VALID));
    assertThat(signer.verify(CODE, q + "&fbclid=abc&gclid", NOW).ok()).isTrue();
    assertThat(signer.verify(CODE, q.replace("s=seller-1", "s=seller-9"), NOW).claimedSellerId()).isEqualTo("seller-9");
  }

  @Test
  void anOptionalTermIsSignedToo() {
    ValidCode withTerm = new ValidCode(VALID.target(), null, new Utm("a", "b", "c", "d", "running shoes"));
    String q = query(signer.link("https://go.example/", CODE, "s", withTerm));
    assertThat(signer.verify(CODE, q, NOW).verified().utm().term()).isEqualTo("running shoes");
    assertThat(signer.verify(CODE, q.replaceAll("&utm_term=[^&]*", ""), NOW).reason()).isEqualTo("SIGNATURE");
  }

  @Test
  void aRotatedKeyKeepsOldLinksWorkingUntilItsEndThenNot() {
    String old = query(signer.link("https://go.example/", CODE, "s", VALID));
    LinkSigner rotated = new LinkSigner(LinkKeys.parse("k2:fedcba9876543210fedc,k1:0123456789abcdef0123@2026-12-31T00:00:00Z", "k2"));
    assertThat(rotated.verify(CODE, old, NOW).ok()).isTrue();
    assertThat(rotated.verify(CODE, old, Instant.parse("2026-12-31T00:00:00Z")).ok()).isTrue();
    assertThat(rotated.verify(CODE, old, Instant.parse("2026-12-31T00:00:01Z")).reason()).isEqualTo("RETIRED_KEY");
    String fresh = query(rotated.link("https://go.example/", CODE, "s", VALID));
    assertThat(fresh).contains("k=k2");
    assertThat(rotated.verify(CODE, fresh, NOW).ok()).isTrue();
    assertThat(signer.verify(CODE, fresh, NOW).reason()).isEqualTo("UNKNOWN_KEY");
  }

  @Test
  void keyConfigurationIsRefusedWhenItCouldSignLinksThatNeverVerify() {
    assertThatThrownBy(() -> LinkKeys.parse("k1:short", "k1")).hasMessageContaining("at least 16");
    assertThatThrownBy(() -> LinkKeys.parse("k1:0123456789abcdef,k1:0123456789abcdef", "k1")).hasMessageContaining("twice");
    assertThatThrownBy(() -> LinkKeys.parse("k1:0123456789abcdef@2026-01-01T00:00:00Z", "k1")).hasMessageContaining("active-key");
    assertThatThrownBy(() -> LinkKeys.parse("k1:0123456789abcdef", "k2")).hasMessageContaining("active-key");
    assertThatThrownBy(() -> LinkKeys.parse("k 1:0123456789abcdef", "k 1")).hasMessageContaining("key id");
    assertThatThrownBy(() -> LinkKeys.parse("nocolon", "x")).hasMessageContaining("id:secret");
    assertThatThrownBy(() -> LinkKeys.parse(":0123456789abcdef", "x")).hasMessageContaining("id:secret");
    LinkKeys.Key retired = LinkKeys.parse("k2:fedcba9876543210fedc,k1:0123456789abcdef@2026-12-31T00:00:00Z", "k2").find("k1");
    assertThat(new String(retired.secret(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("0123456789abcdef");
    assertThat(retired.validUntil()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
    // '@' separates the end date: a secret that contains one is refused rather than cut short silently
    assertThatThrownBy(() -> LinkKeys.parse("k1:0123456789ab@cdef0123", "k1")).hasMessageContaining("end date");
    assertThatThrownBy(() -> LinkKeys.parse("k1:0123456789abcdef@tomorrow", "k1")).hasMessageContaining("end date");
    assertThat(LinkKeys.parse("k1:0123456789abcdef", "k1").active().verifiesAt(NOW)).isTrue();
  }
}
