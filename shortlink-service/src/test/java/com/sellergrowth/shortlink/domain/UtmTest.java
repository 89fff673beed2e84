package com.sellergrowth.shortlink.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.support.problem.FieldError;
import org.junit.jupiter.api.Test;

/** SHL-4: UTM values are percent-encoded correctly, or refused with the field named; never passed broken. */
class UtmTest {

  @Test
  void encodesSpacesHashesAmpersandsAndNonAsciiAsUtf8_SHL4() {
    Utm utm = new Utm("we chat", "social#1", "双11 & more", "a+b=c", "x/y?z");
    assertThat(utm.validate("utm")).isEmpty();
    assertThat(utm.query()).isEqualTo("utm_source=we%20chat&utm_medium=social%231&utm_campaign=%E5%8F%8C11%20%26%20more"
        + "&utm_term=a%2Bb%3Dc&utm_content=x%2Fy%3Fz");
  }

  @Test
  void keepsUnreservedCharactersAndRoundTrips_SHL4() {
    Utm utm = new Utm("newsletter-2026_11.v1~a", null, "双11 & more", null, null);
    assertThat(utm.query()).startsWith("utm_source=newsletter-2026_11.v1~a&");
    assertThat(Utm.parse(utm.query())).isEqualTo(utm);
  }

  @Test
  void refusesBrokenValuesNamingTheField_SHL4() {
    Utm utm = new Utm("", "tab\there", "50%25off", "\uD83D", "x".repeat(201));
    assertThat(utm.validate("utm")).extracting(FieldError::field, FieldError::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("utm.utm_source", "ERR_UTM_LENGTH"),
        org.assertj.core.groups.Tuple.tuple("utm.utm_medium", "ERR_UTM_CONTROL_CHARACTER"),
        org.assertj.core.groups.Tuple.tuple("utm.utm_campaign", "ERR_UTM_PRE_ENCODED"),
        org.assertj.core.groups.Tuple.tuple("utm.utm_term", "ERR_UTM_ENCODING"),
        org.assertj.core.groups.Tuple.tuple("utm.utm_content", "ERR_UTM_LENGTH"));
  }

  @Test
  void aPercentSignThatIsNotAnEscapeIsEncoded_SHL4() {
    Utm utm = new Utm("50% off", null, null, null, null);
    assertThat(utm.validate("utm")).isEmpty();
    assertThat(utm.query()).isEqualTo("utm_source=50%25%20off");
  }

  @Test
  void utmGoesBeforeTheFragmentAndAfterAnExistingQuery_SHL4() {
    assertThat(LinkView.withQuery("https://h/item/1?color=red#reviews", "utm_source=a"))
        .isEqualTo("https://h/item/1?color=red&utm_source=a#reviews");
    assertThat(LinkView.withQuery("https://h/item/1#reviews", "utm_source=a")).isEqualTo("https://h/item/1?utm_source=a#reviews");
    assertThat(LinkView.withQuery("https://h/item/1", "")).isEqualTo("https://h/item/1");
  }

  @Test
  void detectsUtmParametersAlreadyInATarget_SHL4() {
    assertThat(Utm.hasUtmParameter("color=red&UTM_source=x")).isTrue();
    assertThat(Utm.hasUtmParameter("color=red")).isFalse();
    assertThat(Utm.hasUtmParameter(null)).isFalse();
  }
}
