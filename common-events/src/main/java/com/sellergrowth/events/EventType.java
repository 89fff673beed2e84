package com.sellergrowth.events;

/**
 * One versioned event type of the contract: its stable wire name (CloudEvents {@code type}), version, Java record,
 * the topic it travels on and the JSON Schema that its payload must satisfy.
 */
public record EventType<T extends Record>(String type, int version, Class<T> recordClass, String topic) {

  /** Classpath location of the schema: {@code schemas/<producer>/<type>.v<N>.json}. */
  public String schemaPath() {
    return "schemas/" + producer() + "/" + type + ".v" + version + ".json";
  }

  /** CloudEvents {@code dataschema} attribute. */
  public String dataSchema() {
    return "urn:sellergrowth:schema:" + type + ":v" + version;
  }

  public String producer() {
    return type.substring(0, type.indexOf('.'));
  }

  public String key() {
    return type + "@v" + version;
  }
}
