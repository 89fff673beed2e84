package com.sellergrowth.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * JSON serde of the contract. Both directions validate against the type's JSON Schema: a producer cannot publish a
 * payload its consumers would refuse, and a consumer refuses (with a reason fit for a dead-letter header) what does not
 * match. Unknown properties are ignored (compatible additions, STYLE 4). Thread-safe.
 */
public final class EventSerde {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .build();

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  /** Serializes an event record of the contract, refusing one that breaks its own schema. */
  public static String serialize(Record event) {
    EventType<?> type = EventCatalog.of(event.getClass());
    JsonNode node = MAPPER.valueToTree(event);
    requireValid(type, node);
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + type.key(), e);
    }
  }

  /**
   * Serializes without validating against the schema, for hot paths that publish records they build themselves at high
   * rates (short-link clicks): the contract tests keep every record equal to its schema, and consumers still validate.
   * Same output as {@link #serialize} for a valid event.
   */
  public static String serializeUnchecked(Record event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + event.getClass().getSimpleName(), e);
    }
  }

  /** Parses and validates a payload of the given type; throws {@link EventRejectedException} with the reason if it does not match. */
  public static <T extends Record> T deserialize(EventType<T> type, String json) {
    if (json == null || json.isBlank()) {
      throw new EventRejectedException(type.key() + ": empty payload");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new EventRejectedException(type.key() + ": not JSON (" + e.getOriginalMessage() + ")");
    }
    requireValid(type, node);
    try {
      return MAPPER.treeToValue(node, type.recordClass());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new EventRejectedException(type.key() + ": does not bind to " + type.recordClass().getSimpleName(), e);
    }
  }

  /**
   * Parses a payload of the given type without the JSON Schema pass, for a consumer of its own service's topic (what its outbox
   * wrote from the same records); a payload that is not JSON or does not bind still throws {@link EventRejectedException}.
   */
  public static <T extends Record> T deserializeUnchecked(EventType<T> type, String json) {
    if (json == null || json.isBlank()) {
      throw new EventRejectedException(type.key() + ": empty payload");
    }
    try {
      return MAPPER.readValue(json, type.recordClass());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new EventRejectedException(type.key() + ": does not bind to " + type.recordClass().getSimpleName(), e);
    }
  }

  /** Schema errors of a payload, empty when it is valid. */
  public static Set<String> validate(EventType<?> type, JsonNode node) {
    return schema(type).validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static void requireValid(EventType<?> type, JsonNode node) {
    Set<String> errors = validate(type, node);
    if (!errors.isEmpty()) {
      throw new EventRejectedException(type.key() + ": schema violations " + errors);
    }
  }

  private static JsonSchema schema(EventType<?> type) {
    return SCHEMAS.computeIfAbsent(type.schemaPath(), path -> {
      try (InputStream in = EventSerde.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("no schema on the classpath at " + path);
        }
        return FACTORY.getSchema(in, CONFIG);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private EventSerde() {
  }
}
