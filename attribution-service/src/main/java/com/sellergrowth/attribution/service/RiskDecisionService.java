package com.sellergrowth.attribution.service;

import com.sellergrowth.attribution.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * RSK-5 on marketing-code clicks: a click risk-service invalidated leaves the counted figures with reason {@code RISK_<reason>};
 * an operator's release brings it back. Correct whichever arrives first, the decision or the click (click_invalidation is read
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

  public RiskDecisionService(Pool pool) {
    this.pool = pool;
  }

  public Uni<Boolean> invalidate(String eventId, UUID clickId, String reason, String decisionId) {
    return once(eventId, clickId, sql -> sql.preparedQuery(REMEMBER).execute(Tuple.of(clickId, reason, decisionId))
        .chain(() -> sql.preparedQuery("UPDATE click SET risk_reason = $2 WHERE click_id = $1").execute(Tuple.of(clickId, reason)))
        .replaceWithVoid());
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
