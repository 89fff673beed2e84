package com.sellergrowth.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * How request bodies are read strictly (SPEC section 9, hostile input): a fraction is never truncated into a whole number, a
 * string is never coerced into a number nor a number into a string, null never becomes 0, a misspelt field is refused (not
 * ignored), a number past the field's range is refused, a key twice, trailing content and deep nesting are refused. Each refusal is a
 * 400 problem+json naming the field ({@link com.sellergrowth.support.problem.ProblemMappers}). A service opts in with an
 * {@code ObjectMapperCustomizer} that calls {@link #apply}.
 */
public final class StrictJsonRules {
  private StrictJsonRules() {
  }

  /** Reads a string and refuses one with an unpaired UTF-16 surrogate (JSON allows "\\ud800"; Unicode text does not). */
  static final class WellFormedText extends com.fasterxml.jackson.databind.deser.std.StringDeserializer {
    @Override
    public String deserialize(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
      String value = super.deserialize(p, ctxt);
      if (value != null && !com.sellergrowth.support.text.Texts.isWellFormedUtf16(value)) {
        throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p, "text with an unpaired surrogate", value, String.class);
      }
      return value;
    }
  }

  public static void apply(ObjectMapper mapper) {
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    // a key twice in one object is refused by the parser (records would otherwise fail to bind with a 500, OpenApiFuzz)
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // a number or boolean where text is expected is refused too (Jackson would turn 12.5 into "12.5")
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // text that is not Unicode (a lone surrogate) would be stored as '?': refused instead (issue 15, OpenApiFuzz)
    mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("well-formed-text")
        .addDeserializer(String.class, new WellFormedText()));
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(100_000)
        .maxNumberLength(40).build());
  }
}
