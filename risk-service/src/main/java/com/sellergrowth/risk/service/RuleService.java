package com.sellergrowth.risk.service;

import com.sellergrowth.risk.domain.Mode;
import com.sellergrowth.risk.domain.Rule;
import com.sellergrowth.risk.domain.RuleBook;
import com.sellergrowth.risk.domain.RuleSettings;
import com.sellergrowth.risk.engine.RuleBookStore;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operators change rules without a redeploy (RSK-8): mode (ENFORCE, SHADOW, OFF) and thresholds, and a shadow candidate
 * evaluated beside the enforced thresholds; its decisions are recorded as SHADOW and compared in a report. Every change is
 * validated whole (every problem in one 422) and audited with the settings before and after.
 */
@ApplicationScoped
public class RuleService {
  private static final String ROW = "SELECT rule, mode, thresholds, shadow, shadow_since, updated_by, updated_at FROM rule_setting";
  private static final String UPSERT = "INSERT INTO rule_setting(rule, mode, thresholds, shadow, shadow_since, updated_by, updated_at) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (rule) DO UPDATE SET mode = EXCLUDED.mode, thresholds = EXCLUDED.thresholds, "
      + "shadow = EXCLUDED.shadow, shadow_since = EXCLUDED.shadow_since, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at";
  private static final String SHADOW_REPORT = "SELECT status, count(*) AS decisions, count(DISTINCT subject_id) AS subjects FROM decision "
      + "WHERE rule = $1 AND created_at >= $2 GROUP BY status";
  private static final String OVERLAP = "SELECT count(*) AS both FROM (SELECT DISTINCT subject_id FROM decision WHERE rule = $1 "
      + "AND created_at >= $2 AND status = 'SHADOW' INTERSECT SELECT DISTINCT subject_id FROM decision WHERE rule = $1 "
      + "AND created_at >= $2 AND status <> 'SHADOW') s";

  /** A rule as operators see it. {@code source}: CONFIGURATION (defaults) or OPERATOR (changed at run time). */
  public record RuleView(String rule, String summary, String mode, Map<String, String> thresholds, Map<String, String> shadowThresholds,
      Instant shadowSince, String source, String updatedBy, Instant updatedAt) {
  }

  public record ShadowReport(String rule, Instant since, Map<String, String> shadowThresholds, Map<String, String> liveThresholds,
      long shadowDecisions, long shadowSubjects, long liveDecisions, long liveSubjects, long subjectsInBoth) {
  }

  private final Pool pool;
  private final RuleBookStore store;
  private final Clock clock;

  public RuleService(Pool pool, RuleBookStore store, Clock clock) {
    this.pool = pool;
    this.store = store;
    this.clock = clock;
  }

  public Uni<List<RuleView>> list() {
    return pool.query(ROW).execute().map(rows -> {
      Map<String, Row> byRule = new HashMap<>();
      rows.forEach(r -> byRule.put(r.getString("rule"), r));
      List<RuleView> out = new ArrayList<>();
      for (Rule rule : Rule.values()) {
        out.add(view(rule, byRule.get(rule.id())));
      }
      return out;
    });
  }

  public Uni<RuleView> get(Rule rule) {
    return row(pool, rule, false).map(r -> view(rule, r));
  }

  /** Sets mode and thresholds; thresholds not given keep their current value. */
  public Uni<RuleView> change(Rule rule, String mode, Map<String, String> thresholds, String operator, String note) {
    List<FieldError> errors = new ArrayList<>();
    Mode m = mode == null ? null : parseMode(mode, errors);
    requireNote(note, errors);
    return pool.withTransaction(sql -> row(sql, rule, true).chain(r -> {
      RuleBook.Entry current = entry(rule, r);
      RuleSettings settings = validated(rule, merged(current, thresholds), "thresholds", errors);
      RuleBook.Entry next = new RuleBook.Entry(m == null ? current.mode() : m, settings, current.shadow());
      return save(sql, rule, current, next, r == null ? null : r.getOffsetDateTime("shadow_since"), operator, "CHANGE_RULE", note);
    })).chain(() -> get(rule));
  }

  /** Starts (or changes) the shadow candidate: thresholds not given are the enforced ones. */
  public Uni<RuleView> shadow(Rule rule, Map<String, String> thresholds, String operator, String note) {
    List<FieldError> errors = new ArrayList<>();
    requireNote(note, errors);
    return pool.withTransaction(sql -> row(sql, rule, true).chain(r -> {
      RuleBook.Entry current = entry(rule, r);
      RuleSettings candidate = validated(rule, merged(current, thresholds), "thresholds", errors);
      RuleBook.Entry next = new RuleBook.Entry(current.mode(), current.settings(), candidate);
      // the report compares decisions created since: the database's clock stamps both
      return sql.query("SELECT now() AS t").execute().chain(now -> save(sql, rule, current, next,
          now.iterator().next().getOffsetDateTime("t"), operator, "SHADOW_RULE", note));
    })).chain(() -> get(rule));
  }

  public Uni<RuleView> stopShadow(Rule rule, String operator, String note) {
    List<FieldError> errors = new ArrayList<>();
    requireNote(note, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return pool.withTransaction(sql -> row(sql, rule, true).chain(r -> {
      RuleBook.Entry current = entry(rule, r);
      return save(sql, rule, current, new RuleBook.Entry(current.mode(), current.settings(), null), null, operator, "STOP_SHADOW", note);
    })).chain(() -> get(rule));
  }

  public Uni<ShadowReport> shadowReport(Rule rule) {
    return row(pool, rule, false).chain(r -> {
      if (r == null || r.getValue("shadow") == null && !"SHADOW".equals(r.getString("mode"))) {
        return Uni.createFrom().failure(new ApiException(404, "ERR_NO_SHADOW", "Not Found", rule.id() + " has no shadow candidate running"));
      }
      java.time.OffsetDateTime since = r.getOffsetDateTime("shadow_since") != null ? r.getOffsetDateTime("shadow_since")
          : r.getOffsetDateTime("updated_at");
      return Uni.combine().all().unis(pool.preparedQuery(SHADOW_REPORT).execute(Tuple.of(rule.id(), since)),
          pool.preparedQuery(OVERLAP).execute(Tuple.of(rule.id(), since))).asTuple().map(res -> {
            long shadowDecisions = 0, shadowSubjects = 0, liveDecisions = 0, liveSubjects = 0;
            for (Row s : res.getItem1()) {
              if ("SHADOW".equals(s.getString("status"))) {
                shadowDecisions += s.getLong("decisions");
                shadowSubjects += s.getLong("subjects");
              } else {
                liveDecisions += s.getLong("decisions");
                liveSubjects += s.getLong("subjects");
              }
            }
            RuleBook.Entry e = entry(rule, r);
            return new ShadowReport(rule.id(), since.toInstant(), e.shadow() == null ? e.settings().values() : e.shadow().values(),
                e.settings().values(), shadowDecisions, shadowSubjects, liveDecisions, liveSubjects,
                res.getItem2().iterator().next().getLong("both"));
          });
    });
  }

  private Uni<Void> save(SqlClient sql, Rule rule, RuleBook.Entry before, RuleBook.Entry after, java.time.OffsetDateTime shadowSince,
      String operator, String action, String note) {
    Instant now = clock.instant();
    JsonObject detail = new JsonObject().put("note", note).put("before", json(before)).put("after", json(after));
    return sql.preparedQuery(UPSERT).execute(Tuple.tuple().addString(rule.id()).addString(after.mode().name())
            .addValue(new JsonObject(new HashMap<>(after.settings().values())))
            .addValue(after.shadow() == null ? null : new JsonObject(new HashMap<>(after.shadow().values())))
            .addValue(after.shadow() == null ? null : shadowSince).addString(operator).addValue(DecisionService.ts(now)))
        .chain(() -> DecisionService.audit(sql, now, operator, action, rule.id(), detail));
  }

  private static JsonObject json(RuleBook.Entry e) {
    return new JsonObject().put("mode", e.mode().name()).put("thresholds", new JsonObject(new HashMap<>(e.settings().values())))
        .put("shadow", e.shadow() == null ? null : new JsonObject(new HashMap<>(e.shadow().values())));
  }

  /** The enforced thresholds with the given ones changed: an operator names only what changes. */
  private static Map<String, String> merged(RuleBook.Entry current, Map<String, String> changes) {
    Map<String, String> merged = new LinkedHashMap<>(current.settings().values());
    if (changes != null) {
      merged.putAll(changes);
    }
    return merged;
  }

  private static RuleSettings validated(Rule rule, Map<String, String> values, String field, List<FieldError> errors) {
    for (String problem : RuleSettings.problems(rule, values)) {
      errors.add(new FieldError(field + "." + problem.substring(0, problem.indexOf(' ')), "ERR_THRESHOLD", problem));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return new RuleSettings(rule, values);
  }

  private static Mode parseMode(String mode, List<FieldError> errors) {
    try {
      return Mode.valueOf(mode);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("mode", "ERR_MODE", "mode must be ENFORCE, SHADOW or OFF"));
      return null;
    }
  }

  private static void requireNote(String note, List<FieldError> errors) {
    if (note == null || note.isBlank()) {
      errors.add(new FieldError("note", "ERR_REQUIRED", "say why: the note goes into the audit log"));
    }
  }

  private static Uni<Row> row(SqlClient sql, Rule rule, boolean forUpdate) {
    return sql.preparedQuery(ROW + " WHERE rule = $1" + (forUpdate ? " FOR UPDATE" : "")).execute(Tuple.of(rule.id()))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  private RuleBook.Entry entry(Rule rule, Row r) {
    if (r == null) {
      return store.defaults(rule);
    }
    return RuleBookStore.entry(rule, r);
  }

  private RuleView view(Rule rule, Row r) {
    RuleBook.Entry e = entry(rule, r);
    return new RuleView(rule.id(), rule.summary(), e.mode().name(), e.settings().values(), e.shadow() == null ? null : e.shadow().values(),
        r == null || r.getOffsetDateTime("shadow_since") == null ? null : r.getOffsetDateTime("shadow_since").toInstant(),
        r == null ? "CONFIGURATION" : "OPERATOR", r == null ? null : r.getString("updated_by"),
        r == null ? null : r.getOffsetDateTime("updated_at").toInstant());
  }
}
