package com.sellergrowth.support.batch;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Group commit for hot paths (ADR 7): each caller submits one item and gets its own result, and the items that arrive while
 * earlier batches are in flight go out together, as one statement: one round trip and one commit for many requests. There is
 * no timer: an idle batcher sends a lone item at once, so batching adds no latency at low load and grows with the load.
 *
 * <p>At most {@code maxInFlight} batches run at once, each of at most {@code maxBatch} items. {@code run} answers one result
 * per item, in order. When a batch fails with a failure {@code splitOn} accepts (bad data in one item, say), its items are
 * run again one at a time, so the item at fault fails alone and the others go through; any other failure (an outage) fails
 * every item of the batch. Results reach each caller on its own Vert.x context, as if it had run the statement itself.
 *
 * <p>A batch that has not answered after {@code slotTimeout} (a connection hanging without an error) gives up its in-flight
 * slot, when items are waiting for one, so that the batches behind it go out; its own callers keep waiting for its real
 * outcome, since failing them early could report a write that still commits (a claim told "failed" whose reservation is
 * then released). The harm of a hung statement stays with its own batch, as it stayed with its own request before batching.
 *
 * @param <I> what a caller submits
 * @param <O> what it gets back
 */
public final class Batcher<I, O> {

  private record Pending<I, O>(I item, UniEmitter<? super O> emitter, Context context) {
  }

  /** A batch on its way: when it went out, and whether it still counts against the in-flight limit. */
  private static final class Sent {
    final long startedAt;
    boolean holdsSlot = true;

    Sent(long startedAt) {
      this.startedAt = startedAt;
    }
  }

  /** A batch that has not answered within this gives up its slot (see the class comment). */
  public static final Duration DEFAULT_SLOT_TIMEOUT = Duration.ofSeconds(5);
  private static final Logger LOG = Logger.getLogger(Batcher.class);

  private final int maxBatch;
  private final int maxInFlight;
  private final Predicate<Throwable> splitOn;
  private final Function<List<I>, Uni<List<O>>> run;
  private final IntConsumer sizes;
  private final Duration slotTimeout;
  private final long slotTimeoutNanos;
  private final LongSupplier nanoTime;
  private final ArrayDeque<Pending<I, O>> queue = new ArrayDeque<>();
  /** Batches on their way, oldest first (guarded by {@code queue}, as is {@code inFlight}). */
  private final ArrayDeque<Sent> sent = new ArrayDeque<>();
  private final AtomicInteger drains = new AtomicInteger();
  private int inFlight;

  public Batcher(int maxBatch, int maxInFlight, Predicate<Throwable> splitOn, Function<List<I>, Uni<List<O>>> run) {
    this(maxBatch, maxInFlight, splitOn, run, size -> {
    });
  }

  /** As above; {@code sizes} hears the size of every batch sent (a metric: how much the load is being batched). */
  public Batcher(int maxBatch, int maxInFlight, Predicate<Throwable> splitOn, Function<List<I>, Uni<List<O>>> run, IntConsumer sizes) {
    this(maxBatch, maxInFlight, splitOn, run, sizes, DEFAULT_SLOT_TIMEOUT, System::nanoTime);
  }

  /** As above, with the time a batch may hold its slot and the clock that measures it (tests). */
  public Batcher(int maxBatch, int maxInFlight, Predicate<Throwable> splitOn, Function<List<I>, Uni<List<O>>> run, IntConsumer sizes,
      Duration slotTimeout, LongSupplier nanoTime) {
    if (maxBatch < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("maxBatch and maxInFlight must be at least 1");
    }
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.splitOn = splitOn;
    this.run = run;
    this.sizes = sizes;
    this.slotTimeout = slotTimeout;
    this.slotTimeoutNanos = slotTimeout.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Queues {@code item} for the next batch; the Uni completes with its own result. */
  public Uni<O> submit(I item) {
    return Uni.createFrom().emitter(emitter -> {
      synchronized (queue) {
        queue.add(new Pending<>(item, emitter, Vertx.currentContext()));
      }
      drain();
    });
  }

  /** Sends as many batches as the in-flight limit allows; re-entrant calls (a batch completing at once) loop instead of nesting. */
  private void drain() {
    if (drains.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      Taken<I, O> batch;
      while ((batch = take()) != null) {
        send(batch);
      }
      missed = drains.addAndGet(-missed);
    } while (missed != 0);
  }

  /** A batch to send and its record. */
  private record Taken<I, O>(List<Pending<I, O>> items, Sent sent) {
  }

  private Taken<I, O> take() {
    Sent stalled = null;
    Taken<I, O> taken;
    synchronized (queue) {
      if (queue.isEmpty()) {
        return null;
      }
      long now = nanoTime.getAsLong();
      if (inFlight >= maxInFlight) {
        stalled = oldestHoldingSlot();
        if (stalled == null || now - stalled.startedAt < slotTimeoutNanos) {
          return null;
        }
        stalled.holdsSlot = false; // its callers keep waiting for its outcome; the slot goes to the items behind it
        inFlight--;
      }
      List<Pending<I, O>> batch = new ArrayList<>(Math.min(maxBatch, queue.size()));
      while (batch.size() < maxBatch && !queue.isEmpty()) {
        batch.add(queue.poll());
      }
      Sent record = new Sent(now);
      sent.add(record);
      inFlight++;
      taken = new Taken<>(batch, record);
    }
    if (stalled != null) {
      LOG.warnf("a batch has not answered after %s: the batches behind it go ahead, its callers keep waiting", slotTimeout);
    }
    return taken;
  }

  private Sent oldestHoldingSlot() {
    for (Sent s : sent) {
      if (s.holdsSlot) {
        return s;
      }
    }
    return null;
  }

  private void send(Taken<I, O> taken) {
    List<Pending<I, O>> batch = taken.items();
    Runnable done = () -> finished(taken.sent());
    sizes.accept(batch.size());
    runChecked(batch).subscribe().with(results -> {
      for (int i = 0; i < batch.size(); i++) {
        complete(batch.get(i), results.get(i), null);
      }
      done.run();
    }, failure -> {
      if (batch.size() > 1 && splitOn.test(failure)) {
        // one at a time, in the same in-flight slot, so that the one at fault fails alone
        Multi.createFrom().iterable(batch)
            .onItem().transformToUniAndConcatenate(p -> runChecked(List.of(p))
                .invoke(results -> complete(p, results.get(0), null))
                .onFailure().invoke(f -> complete(p, null, f))
                .onFailure().recoverWithNull())
            .collect().last()
            .subscribe().with(ignored -> done.run(), f -> done.run());
      } else {
        for (Pending<I, O> p : batch) {
          complete(p, null, failure);
        }
        done.run();
      }
    });
  }

  private Uni<List<O>> runChecked(List<Pending<I, O>> batch) {
    List<I> items = new ArrayList<>(batch.size());
    for (Pending<I, O> p : batch) {
      items.add(p.item());
    }
    return Uni.createFrom().deferred(() -> run.apply(items)).map(results -> {
      if (results == null || results.size() != items.size()) {
        throw new IllegalStateException("a batch of " + items.size() + " answered "
            + (results == null ? "nothing" : results.size() + " results"));
      }
      return results;
    });
  }

  private void finished(Sent record) {
    synchronized (queue) {
      sent.remove(record);
      if (record.holdsSlot) {
        record.holdsSlot = false;
        inFlight--;
      }
    }
    drain();
  }

  private void complete(Pending<I, O> p, O result, Throwable failure) {
    Runnable answer = failure == null ? () -> p.emitter().complete(result) : () -> p.emitter().fail(failure);
    if (p.context() == null || p.context() == Vertx.currentContext()) {
      answer.run();
    } else {
      p.context().runOnContext(ignored -> answer.run());
    }
  }
}
