package com.sellergrowth.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void unpairedSurrogatesAreBrokenUtf16() {
    assertThat(Texts.isWellFormedUtf16("")).isTrue();
    assertThat(Texts.isWellFormedUtf16("plain 夏季 \uD83D\uDE00")).isTrue();
    assertThat(Texts.isWellFormedUtf16("\uD83D\uDE00\uD83D\uDE00")).isTrue();
    assertThat(Texts.isWellFormedUtf16("end\uD800")).isFalse();
    assertThat(Texts.isWellFormedUtf16("\uD800x")).isFalse();
    assertThat(Texts.isWellFormedUtf16("x\uDC00")).isFalse();
    assertThat(Texts.isWellFormedUtf16("\uDC00\uD800")).isFalse();
  }
}
