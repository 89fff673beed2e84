package com.sellergrowth.attribution.service;

import com.sellergrowth.attribution.persistence.OrderStore;
import com.sellergrowth.attribution.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * RSK-5 on marketing-code clicks: a click risk-service invalidated leaves the counted figures with reason {@code RISK_<reason>},
 * and the commissions of the orders it had won are taken back; an operator's release brings the click back. Correct whichever arrives first, the decision or the click (click_invalidation is read
 * when the click is stored; both take the click's lock stripe, Sql#lockStripes), and idempotent: both effects set a state.
 */
@ApplicationScoped
public class RiskDecisionService {
  static final String CONSUMER = "attribution-service:risk.decisions";
  private static final String REMEMBER = "INSERT INTO click_invalidation(click_id, reason, decision_id) VALUES ($1, $2, $3) "
      + "ON CONFLICT (click_id) DO UPDATE SET reason = EXCLUDED.reason, decision_id = EXCLUDED.decision_id, released = false";
  private static final String RELEASE = "UPDATE click_invalidation SET released = true WHERE click_id = $1 AND decision_id = $2 "
      + "RETURNING click_id";

  private final Pool pool;
  private final OrderStore orders;
  private final AttributionService attribution;

  public RiskDecisionService(Pool pool, OrderStore orders, AttributionService attribution) {
    this.pool = pool;
    this.orders = orders;
    this.attribution = attribution;
  }

  /**
   * The click leaves the counted figures; if it had already won orders (ATR-5), their commissions are taken back (reversed
   * while pending, clawed back once locked or paid, ATR-7): an invalid click earns nothing. A later release brings the click
   * back into the figures but not the commissions: re-crediting is an operator's decision (the seller's report shows both).
   */
  public Uni<Boolean> invalidate(String eventId, UUID clickId, String reason, String decisionId, Instant at) {
    return once(eventId, clickId, sql -> sql.preparedQuery(REMEMBER).execute(Tuple.of(clickId, reason, decisionId))
        .chain(() -> sql.preparedQuery("UPDATE click SET risk_reason = $2 WHERE click_id = $1").execute(Tuple.of(clickId, reason)))
        .chain(() -> orders.ordersWonBy(sql, clickId))
        .chain(won -> {
          Uni<Void> chain = Uni.createFrom().voidItem();
          for (String orderId : won) {
            chain = chain.chain(() -> attribution.takeBack(sql, orderId, at));
          }
          return chain;
        }));
  }

  public Uni<Boolean> release(String eventId, UUID clickId, String decisionId) {
    return once(eventId, clickId, sql -> sql.preparedQuery(RELEASE).execute(Tuple.of(clickId, decisionId))
        .chain(released -> released.size() == 0 ? Uni.createFrom().voidItem()
            : sql.preparedQuery("UPDATE click SET risk_reason = NULL WHERE click_id = $1").execute(Tuple.of(clickId)).replaceWithVoid()));
  }

  private Uni<Boolean> once(String eventId, UUID clickId, Function<SqlClient, Uni<Void>> effect) {
    return pool.withTransaction(sql -> Sql.firstTime(sql, CONSUMER, eventId).call(first -> first
        ? Sql.lockStripes(sql, List.of(clickId.toString())).chain(() -> effect.apply(sql))
        : Uni.createFrom().voidItem()));
  }
}
