package com.sellergrowth.risk.engine;

import com.sellergrowth.events.attribution.ClickAttributedV1;
import com.sellergrowth.events.risk.InvalidateClickV1;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.risk.domain.Bursts;
import com.sellergrowth.risk.domain.Decision;
import com.sellergrowth.risk.domain.Decision.Action;
import com.sellergrowth.risk.domain.Decision.SubjectType;
import com.sellergrowth.risk.domain.DecisionIds;
import com.sellergrowth.risk.domain.Rule;
import com.sellergrowth.risk.domain.RuleBook;
import com.sellergrowth.risk.domain.RuleVariant;
import com.sellergrowth.risk.domain.TimedFact;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * RSK-5 on clicks of short links (shortlink.events) and marketing codes (attribution.events): known bot user agents, duplicates
 * (ATR-6: the same device on the same code within duplicate-window; the later click is the duplicate) and bursts (more than
 * burst-max-clicks from one hashed address within burst-window: every click of the burst). Each click is invalidated at most
 * once (click_fact.invalid_reason). Short-link clicks that shortlink-service already classified as bots are out of its
 * valid stats already and are not stored here.
 */
@ApplicationScoped
public class ClickRules {
  private static final String INSERT = "INSERT INTO click_fact(click_id, source, link_or_code, seller_id, ip_hash, device_key, occurred_at) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING";
  private static final String FROM_IP = "SELECT click_id, source, link_or_code, seller_id, occurred_at, invalid_reason FROM click_fact "
      + "WHERE ip_hash = $1 AND occurred_at BETWEEN $2 AND $3 AND occurred_at > " + String.format(Sql.SUPPRESSED_UNTIL, 4, 1);
  private static final String SAME_DEVICE = "SELECT click_id, source, link_or_code, seller_id, occurred_at, invalid_reason FROM click_fact "
      + "WHERE link_or_code = $1 AND device_key = $2 AND occurred_at BETWEEN $3 AND $4";
  private static final String MARK = "UPDATE click_fact SET invalid_reason = $2 WHERE click_id = $1 AND invalid_reason IS NULL";

  private final DecisionWriter decisions;

  public ClickRules(DecisionWriter decisions) {
    this.decisions = decisions;
  }

  /** A click as the rules see it. */
  record Click(String clickId, String source, String linkOrCode, String sellerId, Instant at, String invalidReason) {
    TimedFact fact() {
      return new TimedFact(clickId, at);
    }
  }

  Uni<Void> linkClicked(SqlClient sql, RuleBook book, LinkClickedV1 e, Instant at) {
    if ("BOT".equals(e.userAgentClass())) {
      return Uni.createFrom().voidItem();
    }
    Click click = new Click(e.clickId(), "SHORTLINK", e.code(), e.sellerId(), at, null);
    List<RuleVariant> variants = book.variants(Rule.RSK_5);
    // the insert and the reads go out pipelined (one round trip); they run in order, so the reads see the insert
    Uni<Void> stored = store(sql, click, e.ipHash(), null);
    Uni<RowSet<Row>> fromIp = fromIp(sql, variants, click, e.ipHash());
    return Uni.combine().all().unis(stored, fromIp).asTuple().chain(r -> burst(sql, variants, click, e.ipHash(), r.getItem2()));
  }

  Uni<Void> clickAttributed(SqlClient sql, RuleBook book, ClickAttributedV1 e, Instant at) {
    Click click = new Click(e.clickId(), "ATTRIBUTION", e.codeId(), e.sellerId(), at, null);
    List<RuleVariant> variants = book.variants(Rule.RSK_5);
    Uni<Void> stored = store(sql, click, e.ipHash(), e.deviceId());
    Uni<RowSet<Row>> sameDevice = sameDevice(sql, variants, click, e.deviceId());
    Uni<RowSet<Row>> fromIp = fromIp(sql, variants, click, e.ipHash());
    return Uni.combine().all().unis(stored, sameDevice, fromIp).asTuple()
        .chain(r -> bot(sql, variants, click, e.userAgent())
            .chain(() -> duplicate(sql, variants, click, r.getItem2()))
            .chain(() -> burst(sql, variants, click, e.ipHash(), r.getItem3())));
  }

  private static final Uni<RowSet<Row>> NONE = Uni.createFrom().nullItem();

  private static Uni<RowSet<Row>> sameDevice(SqlClient sql, List<RuleVariant> variants, Click click, String deviceKey) {
    if (deviceKey == null || deviceKey.isBlank() || variants.isEmpty()) {
      return NONE;
    }
    Duration widest = RuleVariant.widest(variants, "duplicate-window");
    return sql.preparedQuery(SAME_DEVICE).execute(Tuple.of(click.linkOrCode(), deviceKey, Sql.ts(click.at().minus(widest)),
        Sql.ts(click.at().plus(widest))));
  }

  private static Uni<RowSet<Row>> fromIp(SqlClient sql, List<RuleVariant> variants, Click click, String ipHash) {
    if (ipHash == null || ipHash.isBlank() || variants.isEmpty()) {
      return NONE;
    }
    Duration widest = RuleVariant.widest(variants, "burst-window");
    return sql.preparedQuery(FROM_IP).execute(Tuple.of(ipHash, Sql.ts(click.at().minus(widest)), Sql.ts(click.at().plus(widest)),
        Rule.RSK_5.id()));
  }

  private static Uni<Void> store(SqlClient sql, Click c, String ipHash, String deviceKey) {
    return sql.preparedQuery(INSERT).execute(Tuple.from(java.util.Arrays.asList(c.clickId(), c.source(), c.linkOrCode(), c.sellerId(),
        ipHash, deviceKey, Sql.ts(c.at())))).replaceWithVoid();
  }

  private Uni<Void> bot(SqlClient sql, List<RuleVariant> variants, Click click, String userAgent) {
    String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (RuleVariant v : variants) {
      String marker = ua.isBlank() ? "(empty)" : v.settings().markers("bot-markers").stream().filter(ua::contains).findFirst().orElse(null);
      if (marker != null) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("eventIds", List.of(click.clickId()));
        evidence.put("marker", marker);
        chain = chain.call(() -> invalidate(sql, v, click, "BOT_USER_AGENT", evidence, click.at(), click.at()));
      }
    }
    return chain;
  }

  private Uni<Void> duplicate(SqlClient sql, List<RuleVariant> variants, Click click, RowSet<Row> rows) {
    if (rows == null) {
      return Uni.createFrom().voidItem();
    }
    List<Click> same = clicks(rows);
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (RuleVariant v : variants) {
      Duration window = v.settings().duration("duplicate-window");
      for (Click other : same) {
        if (other.clickId().equals(click.clickId()) || Duration.between(other.at(), click.at()).abs().compareTo(window) > 0) {
          continue;
        }
        // the later of two clicks within the window is the duplicate: this one, or one that arrived before it
        boolean thisIsLater = other.fact().compareTo(click.fact()) < 0;
        Click dup = thisIsLater ? click : other;
        Click first = thisIsLater ? other : click;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("eventIds", List.of(first.clickId(), dup.clickId()));
        evidence.put("firstClickId", first.clickId());
        chain = chain.call(() -> invalidate(sql, v, dup, "DUPLICATE", evidence, first.at(), dup.at()));
        if (thisIsLater) {
          break;
        }
      }
    }
    return chain;
  }

  private Uni<Void> burst(SqlClient sql, List<RuleVariant> variants, Click click, String ipHash, RowSet<Row> rows) {
    if (rows == null) {
      return Uni.createFrom().voidItem();
    }
    List<Click> fromIp = clicks(rows);
    Map<String, Click> byId = new HashMap<>();
    fromIp.forEach(c -> byId.put(c.clickId(), c));
    if (!byId.containsKey(click.clickId())) {
      return Uni.createFrom().voidItem(); // suppressed by an operator's release
    }
    List<TimedFact> facts = fromIp.stream().map(Click::fact).toList();
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (RuleVariant v : variants) {
      List<TimedFact> burst = Bursts.containing(facts, click.fact(), v.settings().duration("burst-window"),
          v.settings().count("burst-max-clicks"));
      if (burst.isEmpty()) {
        continue;
      }
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("clickIds", burst.stream().map(TimedFact::id).toList());
      evidence.put("ipHash", ipHash);
      evidence.put("windowFrom", burst.get(0).at().toString());
      evidence.put("windowTo", burst.get(burst.size() - 1).at().toString());
      for (TimedFact f : burst) {
        Click c = byId.get(f.id());
        if (v.enforced() && c.invalidReason() != null) {
          continue; // already invalidated (this burst seen from an earlier click, or another reason)
        }
        chain = chain.call(() -> invalidate(sql, v, c, "IP_BURST", evidence, burst.get(0).at(), burst.get(burst.size() - 1).at()));
      }
    }
    return chain;
  }

  private Uni<Void> invalidate(SqlClient sql, RuleVariant v, Click c, String reason, Map<String, Object> evidence, Instant from,
      Instant to) {
    UUID id = DecisionIds.of(Rule.RSK_5.id(), Action.INVALIDATE_CLICK.name(), c.clickId(), c.clickId(), v.status());
    Decision d = new Decision(id, Rule.RSK_5.id(), Action.INVALIDATE_CLICK, SubjectType.CLICK, c.clickId(), c.sellerId(), v.status(),
        reason, evidence, v.settings().values(), from, to, c.at(),
        new InvalidateClickV1(id.toString(), Rule.RSK_5.id(), c.clickId(), c.source(), c.linkOrCode(), c.sellerId(), reason, c.at()));
    if (!v.enforced()) {
      return decisions.record(sql, d).replaceWithVoid();
    }
    // one enforced invalidation per click, whatever the reason: the first reason found is the one kept
    return sql.preparedQuery(MARK).execute(Tuple.of(c.clickId(), reason)).chain(marked -> marked.rowCount() == 0
        ? Uni.createFrom().voidItem() : decisions.record(sql, d).replaceWithVoid());
  }

  private static List<Click> clicks(RowSet<Row> rows) {
    List<Click> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new Click(r.getString("click_id"), r.getString("source"), r.getString("link_or_code"), r.getString("seller_id"),
          r.getOffsetDateTime("occurred_at").toInstant(), r.getString("invalid_reason")));
    }
    return out;
  }
}
