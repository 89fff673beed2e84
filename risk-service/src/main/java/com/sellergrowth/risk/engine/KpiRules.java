package com.sellergrowth.risk.engine;

import com.sellergrowth.events.direct.SupplierKpiMeasuredV1;
import com.sellergrowth.events.risk.KpiWarningV1;
import com.sellergrowth.events.risk.PauseNewListingsV1;
import com.sellergrowth.risk.domain.Decision;
import com.sellergrowth.risk.domain.Decision.Action;
import com.sellergrowth.risk.domain.Decision.SubjectType;
import com.sellergrowth.risk.domain.DecisionIds;
import com.sellergrowth.risk.domain.KpiRuns;
import com.sellergrowth.risk.domain.Rule;
import com.sellergrowth.risk.domain.RuleBook;
import com.sellergrowth.risk.domain.RuleVariant;
import com.sellergrowth.events.EventRejectedException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * RSK-6 (DIR-3) on a supplier's daily KPIs: fulfilment below the floor for fulfilment-days days in a row → KpiWarning; QC
 * first-pass below its floor → PauseNewListings; turnover above the maximum → KpiWarning (clearance reminder). A warning
 * whose condition ends (a good day) is resolved; a listings pause waits for an operator.
 */
@ApplicationScoped
public class KpiRules {
  private static final String UPSERT = "INSERT INTO kpi_fact(supplier_id, day, fulfilment_rate_bp, qc_first_pass_bp, turnover_days, "
      + "measured_at, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (supplier_id, day) DO UPDATE SET "
      + "fulfilment_rate_bp = EXCLUDED.fulfilment_rate_bp, qc_first_pass_bp = EXCLUDED.qc_first_pass_bp, "
      + "turnover_days = EXCLUDED.turnover_days, measured_at = EXCLUDED.measured_at, event_id = EXCLUDED.event_id "
      + "WHERE kpi_fact.measured_at < EXCLUDED.measured_at RETURNING day";
  private static final String AROUND = "SELECT day, fulfilment_rate_bp FROM kpi_fact WHERE supplier_id = $1 AND day BETWEEN $2 AND $3";
  private static final String RESOLVE = "UPDATE decision SET status = 'RESOLVED', closed_at = $4, closed_by = 'RSK-6', close_note = $5 "
      + "WHERE rule = 'RSK-6' AND subject_type = 'SUPPLIER' AND subject_id = $1 AND reason = $2 AND status = $3";

  private final DecisionWriter decisions;

  public KpiRules(DecisionWriter decisions) {
    this.decisions = decisions;
  }

  Uni<Void> measured(SqlClient sql, RuleBook book, String eventId, SupplierKpiMeasuredV1 e, Instant at) {
    LocalDate day = day(e);
    List<RuleVariant> variants = book.variants(Rule.RSK_6);
    long span = variants.isEmpty() ? 1 : RuleVariant.largest(variants, "fulfilment-days");
    Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> stored = sql.preparedQuery(UPSERT).execute(Tuple.tuple().addString(e.supplierId())
        .addLocalDate(day).addLong(e.fulfilmentRateBp()).addLong(e.qcFirstPassRateBp()).addLong(e.inventoryTurnoverDays())
        .addValue(Sql.ts(at)).addString(eventId));
    Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> around = sql.preparedQuery(AROUND).execute(Tuple.of(e.supplierId(),
        day.minusDays(span), day.plusDays(span)));
    return Uni.combine().all().unis(stored, around).asTuple().chain(results -> {
      if (results.getItem1().size() == 0 || variants.isEmpty()) {
        return Uni.createFrom().voidItem(); // an older measurement of a day changes nothing
      }
      Map<LocalDate, Long> fulfilment = new HashMap<>();
      for (Row r : results.getItem2()) {
        fulfilment.put(r.getLocalDate("day"), r.getLong("fulfilment_rate_bp"));
      }
      Uni<Void> chain = Uni.createFrom().voidItem();
      for (RuleVariant v : variants) {
        // the three conditions touch different decisions: their statements go out pipelined
        chain = chain.call(() -> Uni.join().all(fulfilment(sql, v, e, day, fulfilment, at), qc(sql, v, e, day, at),
            turnover(sql, v, e, day, at)).andFailFast());
      }
      return chain;
    });
  }

  /** The measured day; an event whose day is not an ISO date breaks the contract (the consumer dead-letters it before the batch). */
  public static LocalDate day(SupplierKpiMeasuredV1 e) {
    try {
      return LocalDate.parse(e.day());
    } catch (DateTimeParseException ex) {
      throw new EventRejectedException("day is not an ISO date: " + e.day());
    }
  }

  private Uni<Void> fulfilment(SqlClient sql, RuleVariant v, SupplierKpiMeasuredV1 e, LocalDate day, Map<LocalDate, Long> values,
      Instant at) {
    long floor = v.settings().count("fulfilment-floor-bp");
    List<LocalDate> run = KpiRuns.belowFloorAround(values, day, floor);
    if (run.isEmpty()) {
      return resolve(sql, v, e.supplierId(), "FULFILMENT_RATE", "fulfilment " + e.fulfilmentRateBp() + " bp on " + day, at);
    }
    if (run.size() < v.settings().count("fulfilment-days")) {
      return Uni.createFrom().voidItem();
    }
    Map<String, Object> evidence = evidence(e, day);
    evidence.put("days", run.stream().map(LocalDate::toString).toList());
    evidence.put("firstDay", run.get(0).toString());
    evidence.put("lastDay", run.get(run.size() - 1).toString());
    String key = "fulfilment:" + run.get(0);
    UUID id = DecisionIds.of(Rule.RSK_6.id(), Action.KPI_WARNING.name(), e.supplierId(), key, v.status());
    String reason = "fulfilment below " + floor + " bp for " + run.size() + " days (" + run.get(0) + " to " + run.get(run.size() - 1) + ")";
    Instant from = run.get(0).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    return decisions.record(sql, new Decision(id, Rule.RSK_6.id(), Action.KPI_WARNING, SubjectType.SUPPLIER, e.supplierId(), e.supplierId(),
        v.status(), "FULFILMENT_RATE", evidence, v.settings().values(), from, at, at,
        new KpiWarningV1(id.toString(), Rule.RSK_6.id(), e.supplierId(), "FULFILMENT_RATE", reason, at))).replaceWithVoid();
  }

  private Uni<Void> qc(SqlClient sql, RuleVariant v, SupplierKpiMeasuredV1 e, LocalDate day, Instant at) {
    long floor = v.settings().count("qc-floor-bp");
    if (e.qcFirstPassRateBp() >= floor) {
      return Uni.createFrom().voidItem();
    }
    UUID id = DecisionIds.of(Rule.RSK_6.id(), Action.PAUSE_NEW_LISTINGS.name(), e.supplierId(), "qc:" + day, v.status());
    String reason = "QC first-pass " + e.qcFirstPassRateBp() + " bp on " + day + ", below " + floor + " bp";
    return decisions.record(sql, new Decision(id, Rule.RSK_6.id(), Action.PAUSE_NEW_LISTINGS, SubjectType.SUPPLIER, e.supplierId(),
        e.supplierId(), v.status(), "QC_FIRST_PASS", evidence(e, day), v.settings().values(), dayStart(day), at, at,
        new PauseNewListingsV1(id.toString(), Rule.RSK_6.id(), e.supplierId(), reason, at))).replaceWithVoid();
  }

  private Uni<Void> turnover(SqlClient sql, RuleVariant v, SupplierKpiMeasuredV1 e, LocalDate day, Instant at) {
    long max = v.settings().count("turnover-max-days");
    if (e.inventoryTurnoverDays() <= max) {
      return resolve(sql, v, e.supplierId(), "INVENTORY_TURNOVER", "turnover " + e.inventoryTurnoverDays() + " days on " + day, at);
    }
    UUID id = DecisionIds.of(Rule.RSK_6.id(), Action.KPI_WARNING.name(), e.supplierId(), "turnover:" + day, v.status());
    String reason = "inventory turnover " + e.inventoryTurnoverDays() + " days on " + day + ", above " + max + ": plan a clearance";
    return decisions.record(sql, new Decision(id, Rule.RSK_6.id(), Action.KPI_WARNING, SubjectType.SUPPLIER, e.supplierId(),
        e.supplierId(), v.status(), "INVENTORY_TURNOVER", evidence(e, day), v.settings().values(), dayStart(day), at, at,
        new KpiWarningV1(id.toString(), Rule.RSK_6.id(), e.supplierId(), "INVENTORY_TURNOVER", reason, at))).replaceWithVoid();
  }

  private static Uni<Void> resolve(SqlClient sql, RuleVariant v, String supplierId, String reason, String note, Instant at) {
    return sql.preparedQuery(RESOLVE).execute(Tuple.of(supplierId, reason, v.status().name(), Sql.ts(at), "recovered: " + note))
        .replaceWithVoid();
  }

  private static Map<String, Object> evidence(SupplierKpiMeasuredV1 e, LocalDate day) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("day", day.toString());
    evidence.put("fulfilmentRateBp", e.fulfilmentRateBp());
    evidence.put("qcFirstPassRateBp", e.qcFirstPassRateBp());
    evidence.put("turnoverDays", e.inventoryTurnoverDays());
    return evidence;
  }

  private static Instant dayStart(LocalDate day) {
    return day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }
}
