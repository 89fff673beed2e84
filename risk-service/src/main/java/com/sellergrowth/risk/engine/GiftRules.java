package com.sellergrowth.risk.engine;

import com.sellergrowth.events.gift.GiftDispatchFailedV1;
import com.sellergrowth.events.gift.GiftShippedV1;
import com.sellergrowth.events.risk.FreezeGiftFeatureV1;
import com.sellergrowth.risk.domain.Decision;
import com.sellergrowth.risk.domain.Decision.Action;
import com.sellergrowth.risk.domain.Decision.SubjectType;
import com.sellergrowth.risk.domain.DecisionIds;
import com.sellergrowth.risk.domain.Rule;
import com.sellergrowth.risk.domain.RuleBook;
import com.sellergrowth.risk.domain.RuleVariant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** RSK-4 (GFT-9): consecutive-failures gift dispatch failures in a row (event time) for a seller freeze the gift feature. */
@ApplicationScoped
public class GiftRules {
  private static final String INSERT = "INSERT INTO gift_outcome(event_id, seller_id, dispatch_id, failed, code, occurred_at) "
      + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::timestamptz[]) ON CONFLICT DO NOTHING";
  /** The newest outcomes of each seller (n of them, at most), newest first. */
  private static final String LATEST = "SELECT k.seller_id, g.event_id, g.failed, g.code, g.occurred_at "
      + "FROM unnest($1::text[], $2::int[]) AS k(seller_id, n) CROSS JOIN LATERAL (SELECT event_id, failed, code, occurred_at "
      + "FROM gift_outcome o WHERE o.seller_id = k.seller_id AND o.occurred_at > COALESCE((SELECT until FROM rule_suppression s "
      + "WHERE s.rule = $3 AND s.subject_id = k.seller_id), '-infinity') ORDER BY o.occurred_at DESC, o.event_id DESC LIMIT k.n) g "
      + "ORDER BY k.seller_id, g.occurred_at DESC, g.event_id DESC";

  private final DecisionWriter decisions;

  public GiftRules(DecisionWriter decisions) {
    this.decisions = decisions;
  }

  private record Outcome(String eventId, String sellerId, String dispatchId, boolean failed, String code, Instant at, int position) {
  }

  /**
   * A batch's dispatch outcomes, set-based: stored in one statement and, for the sellers with a failure among them, their
   * newest outcomes read in one more (pipelined). Each failure is then evaluated in batch order with the outcomes it would
   * have seen applied alone: the newest consecutive-failures of them all failures, itself among them.
   */
  Uni<Void> apply(SqlClient sql, RuleBook book, List<RiskEngine.Event> events) {
    List<Outcome> outcomes = new ArrayList<>();
    BatchOrder order = new BatchOrder();
    for (RiskEngine.Event ev : events) {
      Outcome o = null;
      if (ev.payload() instanceof GiftDispatchFailedV1 e) {
        o = new Outcome(ev.id(), e.sellerId(), e.dispatchId(), true, e.code(), ev.at(), outcomes.size());
      } else if (ev.payload() instanceof GiftShippedV1 e) {
        o = new Outcome(ev.id(), e.sellerId(), e.dispatchId(), false, null, ev.at(), outcomes.size());
      }
      if (o != null) {
        order.add(o.eventId(), o.position());
        outcomes.add(o);
      }
    }
    if (outcomes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Uni<Void> stored = sql.preparedQuery(INSERT).execute(Tuple.of(outcomes.stream().map(Outcome::eventId).toArray(String[]::new),
        outcomes.stream().map(Outcome::sellerId).toArray(String[]::new), outcomes.stream().map(Outcome::dispatchId).toArray(String[]::new),
        outcomes.stream().map(Outcome::failed).toArray(Boolean[]::new), outcomes.stream().map(Outcome::code).toArray(String[]::new),
        outcomes.stream().map(o -> Sql.ts(o.at())).toArray(OffsetDateTime[]::new))).replaceWithVoid();
    List<RuleVariant> variants = book.variants(Rule.RSK_4);
    List<Outcome> failures = outcomes.stream().filter(Outcome::failed).toList();
    if (failures.isEmpty() || variants.isEmpty()) {
      return stored;
    }
    int longest = (int) RuleVariant.largest(variants, "consecutive-failures");
    // an event may not see the batch's later outcomes of its seller: read that many more
    Map<String, Integer> limits = new LinkedHashMap<>();
    failures.forEach(f -> limits.put(f.sellerId(), longest));
    outcomes.forEach(o -> limits.computeIfPresent(o.sellerId(), (k, n) -> n + 1));
    Uni<Map<String, List<Outcome>>> latest = sql.preparedQuery(LATEST).execute(Tuple.of(limits.keySet().toArray(String[]::new),
        limits.values().toArray(Integer[]::new), Rule.RSK_4.id())).map(rows -> {
          Map<String, List<Outcome>> bySeller = new HashMap<>();
          for (Row r : rows) {
            bySeller.computeIfAbsent(r.getString("seller_id"), k -> new ArrayList<>()).add(new Outcome(r.getString("event_id"),
                r.getString("seller_id"), null, r.getBoolean("failed"), r.getString("code"),
                r.getOffsetDateTime("occurred_at").toInstant(), -1));
          }
          return bySeller;
        });
    return Uni.combine().all().unis(stored, latest).asTuple().chain(results -> InOrder.each(failures, f -> decide(sql, variants, f,
        results.getItem2().getOrDefault(f.sellerId(), List.of()).stream().filter(o -> order.visibleAt(o.eventId(), f.position()))
            .limit(longest).toList())));
  }

  private Uni<Void> decide(SqlClient sql, List<RuleVariant> variants, Outcome failure, List<Outcome> newestFirst) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (RuleVariant v : variants) {
      int n = (int) v.settings().count("consecutive-failures");
      if (newestFirst.size() < n) {
        continue;
      }
      List<Outcome> run = newestFirst.subList(0, n);
      if (run.stream().allMatch(Outcome::failed) && run.stream().anyMatch(o -> o.eventId().equals(failure.eventId()))) {
        chain = chain.call(() -> decisions.record(sql, freeze(v, failure.sellerId(), run, failure.at())));
      }
    }
    return chain;
  }

  private static Decision freeze(RuleVariant v, String sellerId, List<Outcome> newestFirst, Instant at) {
    List<Outcome> run = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(run);
    UUID id = DecisionIds.of(Rule.RSK_4.id(), Action.FREEZE_GIFT_FEATURE.name(), sellerId, run.get(run.size() - 1).eventId(), v.status());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("eventIds", run.stream().map(Outcome::eventId).toList());
    evidence.put("codes", run.stream().map(o -> o.code() == null ? "UNKNOWN" : o.code()).toList());
    evidence.put("windowFrom", run.get(0).at().toString());
    evidence.put("windowTo", run.get(run.size() - 1).at().toString());
    String reason = run.size() + " consecutive gift dispatch failures";
    return new Decision(id, Rule.RSK_4.id(), Action.FREEZE_GIFT_FEATURE, SubjectType.GIFT_FEATURE, sellerId, sellerId, v.status(),
        "GIFT_DISPATCH_FAILURES", evidence, v.settings().values(), run.get(0).at(), run.get(run.size() - 1).at(), at,
        new FreezeGiftFeatureV1(id.toString(), Rule.RSK_4.id(), sellerId, reason, at));
  }
}
