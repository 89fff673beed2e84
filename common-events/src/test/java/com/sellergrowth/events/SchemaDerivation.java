package com.sellergrowth.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;

/**
 * Derives the JSON Schema that an event record implies (types, required components, formats, the country and currency
 * patterns). The checked-in schema of every type must equal it, so a record cannot drift from its published schema
 * without a new version (STYLE 4).
 */
final class SchemaDerivation {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  static ObjectNode schemaOf(EventType<?> type) {
    ObjectNode schema = F.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", type.dataSchema());
    schema.put("title", type.type() + " v" + type.version());
    schema.setAll(objectOf(type.recordClass()));
    return schema;
  }

  static ObjectNode objectOf(Class<?> recordClass) {
    ObjectNode node = F.objectNode();
    node.put("type", "object");
    ObjectNode props = node.putObject("properties");
    ArrayNode required = F.arrayNode();
    for (RecordComponent c : recordClass.getRecordComponents()) {
      boolean optional = c.isAnnotationPresent(OptionalField.class);
      ObjectNode p = valueOf(c.getName(), c.getGenericType());
      if (optional) {
        ObjectNode nullable = F.objectNode();
        nullable.putArray("anyOf").add(p).add(F.objectNode().put("type", "null"));
        props.set(c.getName(), nullable);
      } else {
        props.set(c.getName(), p);
        required.add(c.getName());
      }
    }
    node.set("required", required);
    // Consumers ignore unknown properties: compatible additions keep the version.
    node.put("additionalProperties", true);
    return node;
  }

  private static ObjectNode valueOf(String name, Type type) {
    ObjectNode p = F.objectNode();
    if (type == String.class) {
      p.put("type", "string");
      if (name.equals("currency")) {
        p.put("pattern", "^[A-Z]{3}$");
      } else if (name.equals("country") || name.equals("buyerCountry")) {
        p.put("pattern", "^[A-Z]{2}$");
      } else {
        p.put("minLength", 1);
      }
    } else if (type == Instant.class) {
      p.put("type", "string").put("format", "date-time");
    } else if (type == long.class || type == int.class || type == Long.class) {
      p.put("type", "integer");
    } else if (type == boolean.class) {
      p.put("type", "boolean");
    } else if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
      p.put("type", "array");
      p.set("items", valueOf(name + "[]", pt.getActualTypeArguments()[0]));
    } else if (type instanceof Class<?> c && c.isRecord()) {
      return objectOf(c);
    } else {
      throw new IllegalArgumentException("no schema mapping for " + type + " (" + name + ")");
    }
    return p;
  }

  private SchemaDerivation() {
  }
}
