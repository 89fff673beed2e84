package com.sellergrowth.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

/** SPEC section 9: request bodies are read strictly; what is refused, and what still reads. */
class StrictJsonRulesTest {
  record Body(String name, long amount) {
  }

  private final ObjectMapper mapper = new ObjectMapper();

  StrictJsonRulesTest() {
    StrictJsonRules.apply(mapper);
  }

  // Issue 15 (OpenApiFuzz): a lone surrogate was stored as '?' and the request accepted
  @Test
  void textWithAnUnpairedSurrogateIsRefusedAndAPairReads() throws Exception {
    assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\\ud800b\",\"amount\":1}", Body.class)).isInstanceOf(InvalidFormatException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"name\":\"\\udc00\",\"amount\":1}", Body.class)).isInstanceOf(InvalidFormatException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"name\":\"x\\ud83d\",\"amount\":1}", Body.class)).isInstanceOf(InvalidFormatException.class);
    assertThat(mapper.readValue("{\"name\":\"\\ud83d\\ude00\",\"amount\":1}", Body.class).name()).isEqualTo("\uD83D\uDE00");
  }

  @Test
  void aFractionInAWholeNumberAndAnUnknownFieldAreRefused() {
    assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\",\"amount\":500.9}", Body.class)).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\",\"amount\":1,\"x\":1}", Body.class)).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"name\":12,\"amount\":1}", Body.class)).isInstanceOf(MismatchedInputException.class);
  }
}
