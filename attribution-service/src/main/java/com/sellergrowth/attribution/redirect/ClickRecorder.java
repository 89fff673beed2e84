package com.sellergrowth.attribution.redirect;

import com.sellergrowth.support.batch.Batcher;
import com.sellergrowth.support.inbox.Failures;
import com.sellergrowth.support.outbox.Outbox;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Records a click before the visitor is sent on (ATR-6, ATR-9): the click is an outbox row, written with group commit (ADR 7):
 * the clicks that arrive while a batch is in flight go out as one {@code INSERT ... unnest}, one round trip and one commit.
 * The CloudEvents id is the click id, so the click is published once and counted once whatever the retries.
 */
@ApplicationScoped
public class ClickRecorder {
  private static final int MAX_BATCH = 500;
  private final Pool pool;
  private final Batcher<Outbox.Row, Boolean> batcher;

  public ClickRecorder(Pool pool, MeterRegistry registry) {
    this.pool = pool;
    DistributionSummary sizes = DistributionSummary.builder("attribution.clicks.batch.size").baseUnit("clicks").register(registry);
    this.batcher = new Batcher<>(MAX_BATCH, 1, Failures::isDataError, this::insert, sizes::record);
  }

  /** Writes the click's outbox row; completes once it is committed. */
  public Uni<Boolean> record(UUID clickId, String codeId, Record click, Instant at) {
    return batcher.submit(Outbox.uncheckedRow(clickId, codeId, click, at));
  }

  private Uni<List<Boolean>> insert(List<Outbox.Row> rows) {
    return Outbox.insertAll(pool, rows).map(v -> Collections.nCopies(rows.size(), Boolean.TRUE));
  }
}
