package com.sellergrowth.coupon.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sellergrowth.support.json.StrictJsonRules;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Request bodies are read strictly (service-support StrictJsonRules): each refusal is a 400 problem+json naming the field. */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    StrictJsonRules.apply(mapper);
  }
}
