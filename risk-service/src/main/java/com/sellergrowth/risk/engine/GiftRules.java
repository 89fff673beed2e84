package com.sellergrowth.risk.engine;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** RSK-4 (GFT-9): consecutive-failures gift dispatch failures in a row (event time) for a seller freeze the gift feature. */
@ApplicationScoped
public class GiftRules {
  private static final String INSERT = "INSERT INTO gift_outcome(event_id, seller_id, dispatch_id, failed, code, occurred_at) "
      + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING";
  private static final String LATEST = "SELECT event_id, failed, code, occurred_at FROM gift_outcome WHERE seller_id = $1 "
      + "AND occurred_at > " + String.format(Sql.SUPPRESSED_UNTIL, 3, 1) + " ORDER BY occurred_at DESC, event_id DESC LIMIT $2";

  private final DecisionWriter decisions;

  public GiftRules(DecisionWriter decisions) {
    this.decisions = decisions;
  }

  private record Outcome(String eventId, boolean failed, String code, Instant at) {
  }

  Uni<Void> outcome(SqlClient sql, RuleBook book, String eventId, String sellerId, String dispatchId, boolean failed, String code,
      Instant at) {
    Uni<Void> stored = sql.preparedQuery(INSERT).execute(Tuple.of(eventId, sellerId, dispatchId, failed, code, Sql.ts(at))).replaceWithVoid();
    List<RuleVariant> variants = book.variants(Rule.RSK_4);
    if (!failed || variants.isEmpty()) {
      return stored;
    }
    long longest = RuleVariant.largest(variants, "consecutive-failures");
    Uni<List<Outcome>> latest = sql.preparedQuery(LATEST).execute(Tuple.of(sellerId, longest, Rule.RSK_4.id())).map(rows -> {
      List<Outcome> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Outcome(r.getString("event_id"), r.getBoolean("failed"), r.getString("code"), r.getOffsetDateTime("occurred_at").toInstant()));
      }
      return out;
    });
    return Uni.combine().all().unis(stored, latest).asTuple().chain(results -> {
      List<Outcome> newestFirst = results.getItem2();
      Uni<Void> chain = Uni.createFrom().voidItem();
      for (RuleVariant v : variants) {
        int n = (int) v.settings().count("consecutive-failures");
        if (newestFirst.size() < n) {
          continue;
        }
        List<Outcome> run = newestFirst.subList(0, n);
        if (run.stream().allMatch(Outcome::failed) && run.stream().anyMatch(o -> o.eventId().equals(eventId))) {
          chain = chain.call(() -> decisions.record(sql, freeze(v, sellerId, run, at)));
        }
      }
      return chain;
    });
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
