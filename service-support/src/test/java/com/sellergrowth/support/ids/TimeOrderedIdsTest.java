package com.sellergrowth.support.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void anIdIsAVersion7UuidCarryingItsMillisecond() {
    long millis = Instant.parse("2026-12-01T14:00:00.123Z").toEpochMilli();
    UUID id = TimeOrderedIds.at(millis);
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    assertThat(UUID.fromString(id.toString())).isEqualTo(id);
  }

  @Test
  void idsOfALaterMillisecondSortAfterAndIdsOfTheSameOneDiffer() {
    long millis = Instant.parse("2026-12-01T14:00:00Z").toEpochMilli();
    Set<UUID> sameMillisecond = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID earlier = TimeOrderedIds.at(millis);
      UUID later = TimeOrderedIds.at(millis + 1);
      assertThat(earlier).isLessThan(later);
      // PostgreSQL orders uuids by their bytes, unsigned: the text form sorts the same way
      assertThat(earlier.toString()).isLessThan(later.toString());
      sameMillisecond.add(earlier);
    }
    assertThat(sameMillisecond).hasSize(10_000);
  }
}
