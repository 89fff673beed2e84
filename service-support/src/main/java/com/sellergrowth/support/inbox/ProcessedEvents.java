package com.sellergrowth.support.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * The inbox (STYLE 6): records that a consumer applied an event, in the caller's transaction. The primary key
 * (consumer, event id) closes the check-then-insert race, so the effect and the mark commit together or not at all.
 */
@ApplicationScoped
public class ProcessedEvents {

  /** True if this is the first time {@code consumer} sees {@code eventId}; false for a duplicate (apply nothing). */
  public Uni<Boolean> markFirstTime(String consumer, String eventId) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
            "INSERT INTO processed_event(consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
        .setParameter(1, consumer).setParameter(2, eventId).executeUpdate())
        .map(inserted -> inserted == 1);
  }

  /**
   * Applies {@code effect} unless {@code consumer} already applied {@code eventId}; call it inside the service's transaction so
   * the mark and the effect commit together. True when applied, false for a duplicate.
   */
  public Uni<Boolean> applyOnce(String consumer, String eventId, Supplier<Uni<?>> effect) {
    return markFirstTime(consumer, eventId).chain(first -> first ? effect.get().replaceWith(true) : Uni.createFrom().item(false));
  }
}
