package com.sellergrowth.risk.service;

import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.risk.domain.DecisionIds;
import com.sellergrowth.risk.domain.Report;
import com.sellergrowth.risk.engine.DecisionWriter;
import com.sellergrowth.support.problem.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading and releasing decisions (RSK-7); every release is audited and, for an enforced decision, published. */
@ApplicationScoped
public class DecisionService {
  private static final String COLUMNS = "id, rule, action, subject_type, subject_id, seller_id, status, reason, evidence, thresholds, "
      + "window_from, window_to, decided_at, closed_at, closed_by, close_note";
  private static final String LIST = "SELECT " + COLUMNS + " FROM decision WHERE ($1::text IS NULL OR rule = $1) "
      + "AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR subject_type = $3) AND ($4::text IS NULL OR subject_id = $4) "
      + "AND ($5::text IS NULL OR seller_id = $5) AND ($6::boolean OR status <> 'SHADOW') ORDER BY created_at DESC, id LIMIT $7 OFFSET $8";

  /** Filters of the decision list; null means any. */
  public record Filter(String rule, String status, String subjectType, String subjectId, String sellerId, boolean includeShadow) {
  }

  public record AuditEntry(long id, Instant at, String actor, String action, String target, Map<String, Object> detail) {
  }

  private final Pool pool;
  private final DecisionWriter writer;
  private final Clock clock;

  public DecisionService(Pool pool, DecisionWriter writer, Clock clock) {
    this.pool = pool;
    this.writer = writer;
    this.clock = clock;
  }

  public Uni<List<DecisionView>> list(Filter f, int page, int size) {
    return pool.preparedQuery(LIST).execute(Tuple.tuple().addString(f.rule()).addString(f.status()).addString(f.subjectType())
        .addString(f.subjectId()).addString(f.sellerId()).addBoolean(f.includeShadow()).addInteger(size).addInteger(page * size))
        .map(rows -> {
          List<DecisionView> out = new ArrayList<>();
          rows.forEach(r -> out.add(view(r)));
          return out;
        });
  }

  public Uni<DecisionView> get(UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM decision WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
  }

  /**
   * An operator releases an open decision: status RELEASED with who, when and why; an audit row; the rule counts only newer
   * evidence for that subject from now on (RSK-2: never again for the coupon); DecisionReleased tells the services to undo it
   * (not for a shadow decision, which nothing acted on). Releasing a closed decision is a 409.
   */
  public Uni<DecisionView> release(UUID id, String operator, String note) {
    Instant now = clock.instant();
    return pool.withTransaction(sql -> sql.preparedQuery("SELECT " + COLUMNS + " FROM decision WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
        .chain(rows -> {
          if (rows.size() == 0) {
            return Uni.createFrom().failure(ApiException.notFound("decision"));
          }
          DecisionView d = view(rows.iterator().next());
          if (!"ACTIVE".equals(d.status()) && !"SHADOW".equals(d.status())) {
            return Uni.createFrom().failure(new ApiException(409, "ERR_DECISION_CLOSED", "Conflict",
                "decision " + id + " is " + d.status() + " already"));
          }
          Instant until = d.windowTo() != null ? d.windowTo() : d.decidedAt();
          JsonObject detail = new JsonObject().put("note", note).put("previousStatus", d.status()).put("rule", d.rule())
              .put("subjectType", d.subjectType()).put("subjectId", d.subjectId());
          Uni<Void> work = sql.preparedQuery("UPDATE decision SET status = 'RELEASED', closed_at = $2, closed_by = $3, close_note = $4 WHERE id = $1")
              .execute(Tuple.of(id, ts(now), operator, note)).replaceWithVoid()
              .call(() -> audit(sql, now, operator, "RELEASE_DECISION", id.toString(), detail))
              .call(() -> sql.preparedQuery("INSERT INTO rule_suppression(rule, subject_id, until) VALUES ($1, $2, $3) ON CONFLICT (rule, subject_id) "
                  + "DO UPDATE SET until = GREATEST(rule_suppression.until, EXCLUDED.until)").execute(Tuple.of(d.rule(), suppressionKey(d), ts(until))));
          if ("ACTIVE".equals(d.status())) {
            UUID eventId = DecisionIds.releaseOf(id);
            work = work.call(() -> writer.publish(sql, eventId, d.subjectId(), new DecisionReleasedV1(id.toString(), d.subjectType(),
                d.subjectId(), operator, note, now), now));
          }
          return work.replaceWith(id);
        })).chain(this::get);
  }

  /**
   * What a release forgives, keyed as the rule reads it back (issue 15): RSK-1 the coupon's claims from the decision's address
   * only (CouponRules.CLAIMS_AROUND), an RSK-5 address burst the hashed address (ClickRules.FROM_IPS), the other rules their
   * subject. A release keyed by the subject made RSK-5 releases do nothing and RSK-1 releases forgive every address.
   */
  static String suppressionKey(DecisionView d) {
    if ("RSK-1".equals(d.rule()) && d.evidence().get("ip") instanceof String ip) {
      return com.sellergrowth.risk.engine.CouponRules.addressKey(d.subjectId(), ip);
    }
    if ("RSK-5".equals(d.rule()) && "IP_BURST".equals(d.reason()) && d.evidence().get("ipHash") instanceof String ipHash) {
      return ipHash;
    }
    return d.subjectId();
  }

  public Uni<List<AuditEntry>> audit(String target) {
    return pool.preparedQuery("SELECT id, at, actor, action, target, detail FROM audit_log WHERE ($1::text IS NULL OR target = $1) "
        + "ORDER BY id DESC LIMIT 200").execute(Tuple.of(target)).map(rows -> {
          List<AuditEntry> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new AuditEntry(r.getLong("id"), r.getOffsetDateTime("at").toInstant(), r.getString("actor"), r.getString("action"),
                r.getString("target"), detail(r)));
          }
          return out;
        });
  }

  static Uni<Void> audit(SqlClient sql, Instant at, String actor, String action, String target, JsonObject detail) {
    return sql.preparedQuery("INSERT INTO audit_log(at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(ts(at), actor, action, target, detail)).replaceWithVoid();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> detail(Row r) {
    return ((JsonObject) r.getValue("detail")).mapTo(java.util.LinkedHashMap.class);
  }

  static DecisionView view(Row r) {
    @SuppressWarnings("unchecked")
    Map<String, Object> evidence = ((JsonObject) r.getValue("evidence")).mapTo(java.util.LinkedHashMap.class);
    Map<String, String> thresholds = new HashMap<>();
    ((JsonObject) r.getValue("thresholds")).forEach(e -> thresholds.put(e.getKey(), String.valueOf(e.getValue())));
    String subjectId = r.getString("subject_id");
    String reason = r.getString("reason");
    return new DecisionView(r.getUUID("id").toString(), r.getString("rule"), r.getString("action"), r.getString("subject_type"), subjectId,
        r.getString("seller_id"), r.getString("status"), reason, evidence, thresholds, instant(r.getOffsetDateTime("window_from")),
        instant(r.getOffsetDateTime("window_to")), instant(r.getOffsetDateTime("decided_at")), instant(r.getOffsetDateTime("closed_at")),
        r.getString("closed_by"), r.getString("close_note"), Report.of(reason, subjectId, evidence, thresholds));
  }

  static OffsetDateTime ts(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
