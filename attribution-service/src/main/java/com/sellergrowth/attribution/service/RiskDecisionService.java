package com.sellergrowth.attribution.service;

import com.sellergrowth.attribution.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * RSK-5 on marketing-code clicks: a click risk-service invalidated leaves the counted figures with reason {@code RISK_<reason>};
 * an operator's release brings it back. Correct whichever arrives first, the decision or the click (click_invalidation is read
 * when the click is stored), and idempotent: both effects set a state.
 */
@ApplicationScoped
public class RiskDecisionService {
  private final Pool pool;

  public RiskDecisionService(Pool pool) {
    this.pool = pool;
  }

  public Uni<Boolean> invalidate(String eventId, UUID clickId, String reason, String decisionId) {
    return pool.withTransaction(sql -> Sql.firstTime(sql, "attribution-service:risk.decisions", eventId).call(first -> !first
        ? Uni.createFrom().voidItem()
        : sql.preparedQuery("INSERT INTO click_invalidation(click_id, reason, decision_id) VALUES ($1, $2, $3) ON CONFLICT (click_id) DO "
                + "UPDATE SET reason = EXCLUDED.reason, decision_id = EXCLUDED.decision_id, released = false")
            .execute(Tuple.of(clickId, reason, decisionId))
            .chain(() -> sql.preparedQuery("UPDATE click SET risk_reason = $2 WHERE click_id = $1").execute(Tuple.of(clickId, reason)))));
  }

  public Uni<Boolean> release(String eventId, UUID clickId, String decisionId) {
    return pool.withTransaction(sql -> Sql.firstTime(sql, "attribution-service:risk.decisions", eventId).call(first -> !first
        ? Uni.createFrom().voidItem()
        : sql.preparedQuery("UPDATE click_invalidation SET released = true WHERE click_id = $1 AND decision_id = $2 RETURNING click_id")
            .execute(Tuple.of(clickId, decisionId))
            .chain(released -> released.size() == 0 ? Uni.createFrom().voidItem()
                : sql.preparedQuery("UPDATE click SET risk_reason = NULL WHERE click_id = $1").execute(Tuple.of(clickId)).replaceWithVoid())));
  }
}
