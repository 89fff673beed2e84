package com.sellergrowth.attribution.service;

import com.sellergrowth.attribution.persistence.OrderStore;
import com.sellergrowth.attribution.persistence.OrderStore.CommissionRow;
import com.sellergrowth.attribution.persistence.Sql;
import com.sellergrowth.events.attribution.CommissionSettledV1;
import com.sellergrowth.support.ids.TimeOrderedIds;
import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.support.problem.ApiException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** ATR-7's lifecycle after accrual: PENDING locks when its refund period ends (a clock-driven job), LOCKED is paid by an operator. */
@ApplicationScoped
public class CommissionService {
  private static final Logger LOG = Logger.getLogger(CommissionService.class);
  private static final int LOCK_BATCH = 500;

  private final Pool pool;
  private final OrderStore orders;
  private final Clock clock;

  public CommissionService(Pool pool, OrderStore orders, Clock clock) {
    this.pool = pool;
    this.orders = orders;
    this.clock = clock;
  }

  @Scheduled(every = "${attribution.commission.lock-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> lockJob() {
    return lockDue().onFailure().recoverWithItem(f -> {
      LOG.warnf("commission lock job failed (it runs again): %s", f.getMessage());
      return 0;
    }).replaceWithVoid();
  }

  /** Locks every pending commission whose refund period ended by the service clock; how many. Several instances share the rows. */
  public Uni<Integer> lockDue() {
    Instant now = clock.instant();
    return pool.withTransaction(sql -> orders.lockDue(sql, now, LOCK_BATCH)
        .call(locked -> Outbox.insertAll(sql, locked.stream().map(c -> Outbox.uncheckedRow(TimeOrderedIds.next(), c.codeId().toString(),
            new CommissionSettledV1(c.orderId(), c.codeId().toString(), c.sellerId(), "LOCKED", c.amountMinor(), c.currency(), now), now))
            .toList())))
        .chain(locked -> locked.size() == LOCK_BATCH ? lockDue().map(more -> locked.size() + more) : Uni.createFrom().item(locked.size()));
  }

  /** Pays a locked commission at the version the operator read: 404, or 409 when its state or version moved on. */
  public Uni<CommissionRow> pay(String orderId, int version) {
    Instant now = clock.instant();
    return pool.withTransaction(sql -> orders.pay(sql, orderId, version, now).chain(paid -> paid != null
        ? Sql.outbox(sql, paid.codeId().toString(), new CommissionSettledV1(orderId, paid.codeId().toString(), paid.sellerId(), "PAID",
            paid.amountMinor(), paid.currency(), now), now).replaceWith(paid)
        : orders.commission(sql, null, orderId).map(current -> {
          if (current == null) {
            throw ApiException.notFound("commission of order " + orderId);
          }
          if (current.version() != version) {
            throw new ApiException(409, "ERR_CONCURRENT_UPDATE", "Conflict",
                "the commission is at version " + current.version() + ", not " + version + "; read it again and retry");
          }
          throw new ApiException(409, "ERR_COMMISSION_STATE", "Not payable",
              "only a LOCKED commission without a clawback is paid; this one is " + current.status()
                  + (current.clawbackMinor() > 0 ? " with a clawback" : ""));
        })));
  }

  public Uni<List<CommissionRow>> list(String sellerId, String status, int page, int size) {
    return pool.withConnection(sql -> orders.commissions(sql, sellerId, status, page, size));
  }
}
