package com.sellergrowth.risk.engine;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * Steps applied one after another, each starting when the previous one ended. A Uni chained once per step nests a level per
 * step, and a batch of a thousand events whose steps end at once (most decide nothing) overflowed the stack; a concatenating
 * Multi runs them in a loop instead.
 */
final class InOrder {
  private InOrder() {
  }

  static <T> Uni<Void> each(Iterable<T> items, Function<T, Uni<?>> step) {
    return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> step.apply(item).replaceWith(Boolean.TRUE))
        .collect().last().replaceWithVoid();
  }
}
