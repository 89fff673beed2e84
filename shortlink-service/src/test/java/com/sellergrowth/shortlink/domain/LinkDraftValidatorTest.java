package com.sellergrowth.shortlink.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.targets.TargetPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole draft is checked at once: every reason, each with its field (SPEC section 9, SHL-1, 2, 4). */
class LinkDraftValidatorTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final LinkDraftValidator validator = new LinkDraftValidator(new TargetPolicy(List.of("www.marketplace.example")),
      new Codes("https://sgp.ly/", 8, 4), "^/item/(?<sku>[A-Za-z0-9._-]{1,64})$");

  @Test
  void listsEveryErrorOfADraftAtOnce() {
    LinkDraft d = new LinkDraft("javascript:alert(1)", "https://evil.example/", " ", "c", new Utm("a%20b", null, null, null, null), "q",
        "bad sku", NOW.minusSeconds(1), 0L);
    assertThat(validator.validate(d, NOW).errors()).extracting(FieldError::field).containsExactly("target", "mobileTarget",
        "utm.utm_source", "channel", "alias", "sku", "expiresAt", "maxVisits");
  }

  @Test
  void takesTheSkuFromTheTargetPathUnlessGiven_SHL5() {
    LinkDraft d = new LinkDraft("https://www.marketplace.example/item/SKU-9", null, null, null, null, null, null, null, null);
    assertThat(validator.validate(d, NOW).link().sku()).isEqualTo("SKU-9");
    LinkDraft explicit = new LinkDraft("https://www.marketplace.example/item/SKU-9", null, null, null, null, null, "SKU-1", null, null);
    assertThat(validator.validate(explicit, NOW).link().sku()).isEqualTo("SKU-1");
    LinkDraft page = new LinkDraft("https://www.marketplace.example/deals", null, null, null, null, null, null, null, null);
    assertThat(validator.validate(page, NOW).link().sku()).isNull();
  }

  @Test
  void refusesUtmParametersInTheTargetWhenUtmIsSet_SHL4() {
    LinkDraft d = new LinkDraft("https://www.marketplace.example/item/1?utm_source=x", null, null, null,
        new Utm("wechat", null, null, null, null), null, null, null, null);
    assertThat(validator.validate(d, NOW).errors()).extracting(FieldError::code).containsExactly("ERR_UTM_DUPLICATE");
  }

  @Test
  void aValidDraftCarriesTheCanonicalTargetAndTheEncodedUtm() {
    LinkDraft d = new LinkDraft("HTTPS://WWW.MARKETPLACE.EXAMPLE/item/1", null, "wechat", "double11",
        new Utm("we chat", null, null, null, null), "Double11", null, NOW.plusSeconds(60), 5L);
    ValidLink v = validator.validate(d, NOW).link();
    assertThat(v.target()).isEqualTo("https://www.marketplace.example/item/1");
    assertThat(v.utmQuery()).isEqualTo("utm_source=we%20chat");
    assertThat(v.alias()).isEqualTo("Double11");
    assertThat(v.maxVisits()).isEqualTo(5L);
  }
}
