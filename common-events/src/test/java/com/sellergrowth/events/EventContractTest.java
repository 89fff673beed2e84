package com.sellergrowth.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sellergrowth.events.platform.StockSyncedV1;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventContractTest {

  static Iterable<EventType<?>> types() {
    return EventCatalog.ALL;
  }

  /** Run once with -Dcontract.writeMissing=true to add the schema file of a new type; existing files are never rewritten. */
  @ParameterizedTest
  @MethodSource("types")
  void checkedInSchemaMatchesTheRecord(EventType<?> type) throws IOException {
    ObjectNode derived = SchemaDerivation.schemaOf(type);
    Path file = Path.of("src/main/resources").resolve(type.schemaPath());
    if (Boolean.getBoolean("contract.writeMissing") && !Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, EventSerde.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(derived) + "\n");
    }
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.schemaPath())) {
      assertThat(in).as("schema file %s", type.schemaPath()).isNotNull();
      assertThat(EventSerde.mapper().readTree(in)).isEqualTo(derived);
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void everyTypeRoundTripsThroughItsSchemaWithAndWithoutOptionalFields(EventType<?> type) {
    for (boolean withOptionals : new boolean[] {true, false}) {
      Record sample = EventSamples.sample(type.recordClass(), withOptionals);
      String json = EventSerde.serialize(sample);
      assertThat(EventSerde.deserialize(type, json)).isEqualTo(sample);
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void uncheckedSerializationWritesWhatCheckedSerializationWrites(EventType<?> type) throws IOException {
    Record sample = EventSamples.sample(type.recordClass(), true);
    assertThat(EventSerde.mapper().readTree(EventSerde.serializeUnchecked(sample)))
        .isEqualTo(EventSerde.mapper().readTree(EventSerde.serialize(sample)));
  }

  @ParameterizedTest
  @MethodSource("types")
  void uncheckedDeserializationReadsWhatCheckedDeserializationReads(EventType<?> type) {
    String json = EventSerde.serialize(EventSamples.sample(type.recordClass(), true));
    assertThat(EventSerde.deserializeUnchecked(type, json)).isEqualTo(EventSerde.deserialize(type, json));
    assertThatThrownBy(() -> EventSerde.deserializeUnchecked(type, "{not json")).isInstanceOf(EventRejectedException.class);
    assertThatThrownBy(() -> EventSerde.deserializeUnchecked(type, " ")).isInstanceOf(EventRejectedException.class);
  }

  @ParameterizedTest
  @MethodSource("types")
  void goldenSampleValidatesAndBinds(EventType<?> type) throws IOException {
    String path = "samples/" + type.producer() + "/" + type.type() + ".v" + type.version() + ".json";
    Path file = Path.of("src/test/resources").resolve(path);
    if (Boolean.getBoolean("contract.writeMissing") && !Files.exists(file)) {
      Files.createDirectories(file.getParent());
      JsonNode node = EventSerde.mapper().readTree(EventSerde.serialize(EventSamples.sample(type.recordClass(), true)));
      Files.writeString(file, EventSerde.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    }
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as("golden sample %s", path).isNotNull();
      Record event = EventSerde.deserialize(type, new String(in.readAllBytes()));
      assertThat(event).isInstanceOf(type.recordClass());
    }
  }

  /** Every schema file is listed in schemas/SHA256SUMS with its hash; scripts/check-contract.sh keeps that list append-only. */
  @Test
  void everySchemaIsListedInTheChecksumManifestWithItsHash() throws Exception {
    Path root = Path.of("src/main/resources/schemas");
    java.util.Map<String, String> listed = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(root.resolve("SHA256SUMS"))) {
      if (!line.isBlank()) {
        listed.put(line.substring(66).trim(), line.substring(0, 64));
      }
    }
    java.util.Map<String, String> actual = new java.util.TreeMap<>();
    try (var files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
        actual.put(root.relativize(f).toString(), java.util.HexFormat.of().formatHex(digest));
      }
    }
    assertThat(actual).as("add new schemas with: cd common-events/src/main/resources/schemas && sha256sum <producer>/<file>.json >> SHA256SUMS")
        .isEqualTo(listed);
  }

  @Test
  void typeNamesAreUniqueLowerCaseAndOnContractTopics() {
    Set<String> keys = new HashSet<>();
    for (EventType<?> t : EventCatalog.ALL) {
      assertThat(keys.add(t.key())).as("duplicate %s", t.key()).isTrue();
      assertThat(t.type()).matches("[a-z]+\\.[a-z-]+");
      assertThat(Topics.ALL).contains(t.topic());
      assertThat(EventCatalog.find(t.type(), t.version())).isSameAs(t);
    }
    assertThat(EventCatalog.find("coupon.claimed", 99)).isNull();
  }

  @Test
  void missingRequiredFieldIsRejectedWithTheFieldNamed() {
    String json = "{\"sku\":\"S1\",\"sellerId\":\"s\",\"spuId\":\"p\",\"categoryId\":\"c\",\"quantity\":3,\"listed\":true,"
        + "\"source\":\"PLATFORM\"}";
    assertThatThrownBy(() -> EventSerde.deserialize(StockSyncedV1.TYPE, json))
        .isInstanceOf(EventRejectedException.class).hasMessageContaining("observedAt");
  }

  @Test
  void wrongTypesAndBadTimestampsAreRejected() {
    String wrongType = "{\"sku\":\"S1\",\"sellerId\":\"s\",\"spuId\":\"p\",\"categoryId\":\"c\",\"quantity\":\"many\",\"listed\":true,"
        + "\"source\":\"PLATFORM\",\"observedAt\":\"2026-11-01T10:00:00Z\"}";
    String badTime = wrongType.replace("\"many\"", "3").replace("2026-11-01T10:00:00Z", "yesterday");
    assertThatThrownBy(() -> EventSerde.deserialize(StockSyncedV1.TYPE, wrongType)).hasMessageContaining("quantity");
    assertThatThrownBy(() -> EventSerde.deserialize(StockSyncedV1.TYPE, badTime)).hasMessageContaining("observedAt");
    assertThatThrownBy(() -> EventSerde.deserialize(StockSyncedV1.TYPE, "{not json")).isInstanceOf(EventRejectedException.class);
    assertThatThrownBy(() -> EventSerde.deserialize(StockSyncedV1.TYPE, "")).isInstanceOf(EventRejectedException.class);
  }

  @Test
  void unknownPropertiesAreIgnoredForForwardCompatibility() {
    String json = "{\"sku\":\"S1\",\"sellerId\":\"s\",\"spuId\":\"p\",\"categoryId\":\"c\",\"quantity\":3,\"listed\":true,"
        + "\"source\":\"PLATFORM\",\"observedAt\":\"2026-11-01T10:00:00Z\",\"warehouse\":\"W9\"}";
    assertThat(EventSerde.deserialize(StockSyncedV1.TYPE, json).quantity()).isEqualTo(3);
  }

  @Test
  void producerCannotPublishAPayloadThatBreaksItsSchema() {
    StockSyncedV1 broken = new StockSyncedV1("", "s", "p", "c", null, 1, true, null, null, "PLATFORM", EventSamples.AT);
    assertThatThrownBy(() -> EventSerde.serialize(broken)).isInstanceOf(EventRejectedException.class).hasMessageContaining("sku");
  }
}
