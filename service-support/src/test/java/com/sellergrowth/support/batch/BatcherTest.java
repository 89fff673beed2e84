package com.sellergrowth.support.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Group commit: what arrives while a batch is in flight goes out together; each caller gets its own answer; one bad item
 * fails alone; an outage fails its whole batch. The "statement" here is a function the test completes by hand, so every
 * interleaving is chosen, not timed.
 */
class BatcherTest {

  /** A statement whose runs the test completes when it chooses. */
  private static final class Statement implements Function<List<Integer>, Uni<List<String>>> {
    final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    final List<UniEmitter<? super List<String>>> open = new CopyOnWriteArrayList<>();

    @Override
    public Uni<List<String>> apply(List<Integer> items) {
      batches.add(List.copyOf(items));
      return Uni.createFrom().emitter(open::add);
    }

    void answer(int run) {
      open.get(run).complete(batches.get(run).stream().map(i -> "r" + i).toList());
    }

    void fail(int run, Throwable failure) {
      open.get(run).fail(failure);
    }
  }

  private static final class BadData extends RuntimeException {
    BadData() {
      super("bad data");
    }
  }

  private static List<UniAssertSubscriber<String>> submitAll(Batcher<Integer, String> batcher, int from, int to) {
    List<UniAssertSubscriber<String>> results = new ArrayList<>();
    IntStream.range(from, to).forEach(i -> results.add(batcher.submit(i).subscribe().withSubscriber(UniAssertSubscriber.create())));
    return results;
  }

  @Test
  void aLoneItemGoesOutAtOnceAndWhatArrivesMeanwhileGoesOutTogether() {
    Statement sql = new Statement();
    Batcher<Integer, String> batcher = new Batcher<>(100, 1, BadData.class::isInstance, sql);

    List<UniAssertSubscriber<String>> first = submitAll(batcher, 0, 1);
    assertThat(sql.batches).containsExactly(List.of(0));
    List<UniAssertSubscriber<String>> waiting = submitAll(batcher, 1, 6);
    assertThat(sql.batches).as("one batch in flight at most").hasSize(1);

    sql.answer(0);
    first.get(0).assertItem("r0");
    assertThat(sql.batches).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5));
    waiting.forEach(s -> s.assertNotTerminated());
    sql.answer(1);
    for (int i = 0; i < waiting.size(); i++) {
      waiting.get(i).assertItem("r" + (i + 1));
    }
  }

  @Test
  void batchesAreCappedAndRunSideBySideUpToTheLimit() {
    Statement sql = new Statement();
    Batcher<Integer, String> batcher = new Batcher<>(3, 2, BadData.class::isInstance, sql);

    List<UniAssertSubscriber<String>> results = submitAll(batcher, 0, 10);
    assertThat(sql.batches).containsExactly(List.of(0), List.of(1));
    sql.answer(1);
    assertThat(sql.batches).containsExactly(List.of(0), List.of(1), List.of(2, 3, 4));
    sql.answer(0);
    sql.answer(2);
    assertThat(sql.batches).containsExactly(List.of(0), List.of(1), List.of(2, 3, 4), List.of(5, 6, 7), List.of(8, 9));
    sql.answer(3);
    sql.answer(4);
    for (int i = 0; i < 10; i++) {
      results.get(i).assertItem("r" + i);
    }
  }

  @Test
  void aBatchThatFailsOnBadDataIsRetriedItemByItemSoOnlyTheBadOneFails() {
    Statement sql = new Statement();
    Batcher<Integer, String> batcher = new Batcher<>(100, 1, BadData.class::isInstance, sql);
    List<UniAssertSubscriber<String>> first = submitAll(batcher, 0, 1);
    List<UniAssertSubscriber<String>> batch = submitAll(batcher, 1, 4);
    sql.answer(0);
    first.get(0).assertItem("r0");

    sql.fail(1, new BadData());
    assertThat(sql.batches).as("the failed batch's items, one at a time").containsSubsequence(List.of(1, 2, 3), List.of(1));
    sql.answer(2);
    sql.fail(3, new BadData());
    List<UniAssertSubscriber<String>> later = submitAll(batcher, 4, 5);
    assertThat(sql.batches).as("nothing new goes out while the items are retried").hasSize(5);
    sql.answer(4);
    assertThat(sql.batches).containsExactly(List.of(0), List.of(1, 2, 3), List.of(1), List.of(2), List.of(3), List.of(4));
    sql.answer(5);

    batch.get(0).assertItem("r1");
    batch.get(1).assertFailedWith(BadData.class);
    batch.get(2).assertItem("r3");
    later.get(0).assertItem("r4");
  }

  @Test
  void anOutageFailsTheWholeBatchAndTheNextBatchStillGoesOut() {
    Statement sql = new Statement();
    Batcher<Integer, String> batcher = new Batcher<>(100, 1, BadData.class::isInstance, sql);
    List<UniAssertSubscriber<String>> first = submitAll(batcher, 0, 1);
    List<UniAssertSubscriber<String>> batch = submitAll(batcher, 1, 3);
    sql.fail(0, new IllegalStateException("connection refused"));
    first.get(0).assertFailedWith(IllegalStateException.class, "connection refused");
    sql.fail(1, new IllegalStateException("connection refused"));
    batch.forEach(s -> s.assertFailedWith(IllegalStateException.class, "connection refused"));
    assertThat(sql.batches).as("no retry item by item for an outage").containsExactly(List.of(0), List.of(1, 2));

    List<UniAssertSubscriber<String>> after = submitAll(batcher, 3, 4);
    sql.answer(2);
    after.get(0).assertItem("r3");
  }

  @Test
  void aStatementThatAnswersTheWrongNumberOfResultsFailsItsCallers() {
    Batcher<Integer, String> batcher = new Batcher<>(100, 1, BadData.class::isInstance,
        items -> Uni.createFrom().item(List.of("only one")));
    batcher.submit(1).subscribe().withSubscriber(UniAssertSubscriber.create()).assertItem("only one");
    Batcher<Integer, String> wrong = new Batcher<>(100, 1, BadData.class::isInstance, items -> Uni.createFrom().item(List.of()));
    wrong.submit(1).subscribe().withSubscriber(UniAssertSubscriber.create()).assertFailedWith(IllegalStateException.class, "answered 0");
  }

  @Test
  void aBatchThatHangsGivesUpItsSlotButItsCallersGetItsRealOutcome() {
    Statement sql = new Statement();
    AtomicLong clock = new AtomicLong();
    Batcher<Integer, String> batcher = new Batcher<>(100, 1, BadData.class::isInstance, sql, size -> {
    }, Duration.ofSeconds(5), clock::get);
    List<UniAssertSubscriber<String>> hung = submitAll(batcher, 0, 1);
    List<UniAssertSubscriber<String>> behind = submitAll(batcher, 1, 3);
    clock.set(Duration.ofSeconds(5).minusNanos(1).toNanos());
    behind.addAll(submitAll(batcher, 3, 4));
    assertThat(sql.batches).as("within its time a batch keeps its slot").containsExactly(List.of(0));

    clock.set(Duration.ofSeconds(5).toNanos()); // batch 0 has not answered in time
    behind.addAll(submitAll(batcher, 4, 5));
    assertThat(sql.batches).as("the items behind it go out").containsExactly(List.of(0), List.of(1, 2, 3, 4));
    hung.get(0).assertNotTerminated();
    sql.answer(1);
    behind.forEach(s -> s.assertCompleted());

    sql.answer(0); // the hung statement finally answers: its caller gets the real outcome
    hung.get(0).assertItem("r0");
    // and the slot is not given back twice: still one batch in flight at most
    List<UniAssertSubscriber<String>> next = submitAll(batcher, 5, 6);
    List<UniAssertSubscriber<String>> after = submitAll(batcher, 6, 8);
    assertThat(sql.batches).containsExactly(List.of(0), List.of(1, 2, 3, 4), List.of(5));
    sql.answer(2);
    next.get(0).assertItem("r5");
    assertThat(sql.batches).last().isEqualTo(List.of(6, 7));
    sql.answer(3);
    after.forEach(s -> s.assertCompleted());
  }

  @Test
  void limitsBelowOneAreRefused() {
    assertThatThrownBy(() -> new Batcher<Integer, String>(0, 1, t -> false, items -> Uni.createFrom().nullItem()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Batcher<Integer, String>(1, 0, t -> false, items -> Uni.createFrom().nullItem()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
