package com.sellergrowth.gift.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** GFT-7: waybills start with SG and carry a Luhn check digit. */
class WaybillsTest {

  @Test
  void aWaybillIsSgTwelveDigitsAndACheckDigit_GFT7() {
    assertThat(Waybills.of(42)).isEqualTo("SG0000000000422"); // Luhn: 2 doubled is 4, plus 4: 8, so 2
    assertThat(Waybills.of(1)).startsWith("SG").hasSize(15);
    assertThat(Waybills.of(999_999_999_999L)).startsWith("SG999999999999");
  }

  @Test
  void theCheckDigitIsLuhns() {
    assertThat(Waybills.checkDigit("7992739871")).isEqualTo(3); // the textbook example
    assertThat(Waybills.checkDigit("000000000000")).isZero();
  }

  @Test
  void aMistypedWaybillIsCaught() {
    String w = Waybills.of(123_456);
    assertThat(Waybills.isValid(w)).isTrue();
    char last = w.charAt(w.length() - 1);
    assertThat(Waybills.isValid(w.substring(0, w.length() - 1) + (char) (last == '9' ? '0' : last + 1))).isFalse();
    assertThat(Waybills.isValid("SG000000123546" + w.charAt(w.length() - 1))).isFalse(); // two digits swapped
    assertThat(Waybills.isValid("XX" + w.substring(2))).isFalse();
    assertThat(Waybills.isValid(w + "0")).isFalse();
    assertThat(Waybills.isValid("SG00000000000a0")).isFalse();
    assertThat(Waybills.isValid(null)).isFalse();
    // characters next to the digits whose Luhn sum would otherwise fit: '/' (2), ':' (9), 'a' (1)
    assertThat(Waybills.isValid("SG00000000000/2")).isFalse();
    assertThat(Waybills.isValid("SG00000000000:9")).isFalse();
    assertThat(Waybills.isValid("SG00000000000a1")).isFalse();
    assertThat(Waybills.isValid("SG0000000000009")).isFalse();
    assertThat(Waybills.isValid("SG0000000000091")).isTrue();
  }

  @Test
  void theSequenceIsBounded() {
    assertThatThrownBy(() -> Waybills.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Waybills.of(1_000_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
  }
}
