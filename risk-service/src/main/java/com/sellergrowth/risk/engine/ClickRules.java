package com.sellergrowth.risk.engine;

import com.sellergrowth.events.attribution.ClickAttributedV1;
import com.sellergrowth.events.risk.InvalidateClickV1;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.risk.domain.Bursts;
import com.sellergrowth.risk.domain.Decision.Action;
import com.sellergrowth.risk.domain.Decision.SubjectType;
import com.sellergrowth.risk.domain.Decision;
import com.sellergrowth.risk.domain.DecisionIds;
import com.sellergrowth.risk.domain.Rule;
import com.sellergrowth.risk.domain.RuleBook;
import com.sellergrowth.risk.domain.RuleVariant;
import com.sellergrowth.risk.domain.TimedFact;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

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
      + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) "
      + "ON CONFLICT DO NOTHING";
  private static final String FROM_IPS = "SELECT k.ip_hash, c.click_id, c.source, c.link_or_code, c.seller_id, c.occurred_at, "
      + "c.invalid_reason FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS k(ip_hash, lo, hi) "
      + "JOIN click_fact c ON c.ip_hash = k.ip_hash AND c.occurred_at BETWEEN k.lo AND k.hi "
      + "WHERE c.occurred_at > COALESCE((SELECT until FROM rule_suppression s WHERE s.rule = $4 AND s.subject_id = k.ip_hash), "
      + "'-infinity')";
  private static final String SAME_DEVICES = "SELECT k.link_or_code, k.device_key, c.click_id, c.source, c.seller_id, c.occurred_at, "
      + "c.invalid_reason FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS k(link_or_code, device_key, lo, hi) "
      + "JOIN click_fact c ON c.link_or_code = k.link_or_code AND c.device_key = k.device_key AND c.occurred_at BETWEEN k.lo AND k.hi";
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

  /** A batch's click: the click, its hashed address and device (attribution only), user agent (attribution only), position. */
  private record Clicked(Click click, String ipHash, String deviceKey, String userAgent, boolean attributed, int position) {
    String deviceGroup() {
      return click.linkOrCode() + "\n" + deviceKey;
    }
  }

  /** What the rules read around a batch's clicks, and the invalidations made while evaluating it. */
  private static final class Around {
    final Map<String, List<Click>> fromIp = new HashMap<>();
    final Map<String, List<Click>> sameDevice = new HashMap<>();
    final BatchOrder order = new BatchOrder();
    final Map<String, String> marked = new HashMap<>();

    String invalidReason(Click c) {
      return marked.getOrDefault(c.clickId(), c.invalidReason());
    }

    /** The clicks of a group this click would have seen applied alone (BatchOrder#visible). */
    List<Click> visible(List<Click> group, Clicked c, Duration widest) {
      return order.visible(group, Click::clickId, Click::at, c.click().at(), widest, c.position());
    }
  }

  /**
   * A batch's clicks, set-based: stored in one statement, the clicks from the same hashed addresses (and, for marketing codes,
   * of the same device on the same code) around them read in one statement each, all pipelined (one round trip). Then each
   * click is evaluated in batch order. Short-link clicks that shortlink-service already classified as bots are not stored.
   */
  Uni<Void> apply(SqlClient sql, RuleBook book, List<RiskEngine.Event> events) {
    List<Clicked> clicks = new ArrayList<>();
    Around around = new Around();
    for (RiskEngine.Event ev : events) {
      Clicked c = null;
      if (ev.payload() instanceof LinkClickedV1 e && !"BOT".equals(e.userAgentClass())) {
        c = new Clicked(new Click(e.clickId(), "SHORTLINK", e.code(), e.sellerId(), ev.at(), null), e.ipHash(), null, null, false,
            clicks.size());
      } else if (ev.payload() instanceof ClickAttributedV1 e) {
        c = new Clicked(new Click(e.clickId(), "ATTRIBUTION", e.codeId(), e.sellerId(), ev.at(), null), e.ipHash(), e.deviceId(),
            e.userAgent(), true, clicks.size());
      }
      if (c != null) {
        around.order.add(c.click().clickId(), c.position());
        clicks.add(c);
      }
    }
    if (clicks.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<RuleVariant> variants = book.variants(Rule.RSK_5);
    Uni<Void> stored = store(sql, clicks);
    if (variants.isEmpty()) {
      return stored;
    }
    Duration burstWindow = RuleVariant.widest(variants, "burst-window");
    Duration duplicateWindow = RuleVariant.widest(variants, "duplicate-window");
    return Uni.join().all(stored, fromIps(sql, clicks, burstWindow, around), sameDevices(sql, clicks, duplicateWindow, around))
        .andFailFast()
        .chain(() -> InOrder.each(clicks, c -> evaluate(sql, variants, c, around, burstWindow, duplicateWindow)));
  }

  /** Known bot markers and duplicates (marketing codes only), then bursts, each with what the click would have seen alone. */
  private Uni<Void> evaluate(SqlClient sql, List<RuleVariant> variants, Clicked c, Around around, Duration burstWindow,
      Duration duplicateWindow) {
    Uni<Void> burst = hasText(c.ipHash()) ? Uni.createFrom().voidItem()
        .chain(() -> burst(sql, variants, c.click(), c.ipHash(), around.visible(around.fromIp.get(c.ipHash()), c, burstWindow), around))
        : Uni.createFrom().voidItem();
    if (!c.attributed()) {
      return burst;
    }
    return bot(sql, variants, c.click(), c.userAgent(), around)
        .chain(() -> hasText(c.deviceKey())
            ? duplicate(sql, variants, c.click(), around.visible(around.sameDevice.get(c.deviceGroup()), c, duplicateWindow), around)
            : Uni.createFrom().voidItem())
        .chain(() -> burst);
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }

  private static Uni<Void> store(SqlClient sql, List<Clicked> clicks) {
    return sql.preparedQuery(INSERT).execute(Tuple.from(List.<Object>of(
        clicks.stream().map(c -> c.click().clickId()).toArray(String[]::new), clicks.stream().map(c -> c.click().source()).toArray(String[]::new),
        clicks.stream().map(c -> c.click().linkOrCode()).toArray(String[]::new),
        clicks.stream().map(c -> c.click().sellerId()).toArray(String[]::new), clicks.stream().map(Clicked::ipHash).toArray(String[]::new),
        clicks.stream().map(Clicked::deviceKey).toArray(String[]::new),
        clicks.stream().map(c -> Sql.ts(c.click().at())).toArray(OffsetDateTime[]::new)))).replaceWithVoid();
  }

  /** The clicks from each hashed address of the batch, from its earliest click's window to its latest's (RSK-5 bursts). */
  private static Uni<Void> fromIps(SqlClient sql, List<Clicked> clicks, Duration widest, Around around) {
    List<Clicked> withAddress = clicks.stream().filter(c -> hasText(c.ipHash())).toList();
    Map<String, Instant[]> spans = BatchOrder.spans(withAddress, Clicked::ipHash, c -> c.click().at());
    if (spans.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<String> ips = new ArrayList<>(spans.keySet());
    return sql.preparedQuery(FROM_IPS).execute(Tuple.of(ips.toArray(String[]::new),
        ips.stream().map(k -> Sql.ts(spans.get(k)[0].minus(widest))).toArray(OffsetDateTime[]::new),
        ips.stream().map(k -> Sql.ts(spans.get(k)[1].plus(widest))).toArray(OffsetDateTime[]::new), Rule.RSK_5.id())).invoke(rows -> {
          for (Row r : rows) {
            around.fromIp.computeIfAbsent(r.getString("ip_hash"), k -> new ArrayList<>()).add(click(r, r.getString("link_or_code")));
          }
        }).replaceWithVoid();
  }

  /** The clicks of each (code, device) of the batch's attributed clicks, within the duplicate window (ATR-6). */
  private static Uni<Void> sameDevices(SqlClient sql, List<Clicked> clicks, Duration widest, Around around) {
    List<Clicked> withDevice = clicks.stream().filter(c -> c.attributed() && hasText(c.deviceKey())).toList();
    Map<String, Instant[]> spans = BatchOrder.spans(withDevice, Clicked::deviceGroup, c -> c.click().at());
    if (spans.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Map<String, Clicked> sample = new HashMap<>();
    withDevice.forEach(c -> sample.putIfAbsent(c.deviceGroup(), c));
    List<String> groups = new ArrayList<>(spans.keySet());
    return sql.preparedQuery(SAME_DEVICES).execute(Tuple.of(
        groups.stream().map(g -> sample.get(g).click().linkOrCode()).toArray(String[]::new),
        groups.stream().map(g -> sample.get(g).deviceKey()).toArray(String[]::new),
        groups.stream().map(g -> Sql.ts(spans.get(g)[0].minus(widest))).toArray(OffsetDateTime[]::new),
        groups.stream().map(g -> Sql.ts(spans.get(g)[1].plus(widest))).toArray(OffsetDateTime[]::new))).invoke(rows -> {
          for (Row r : rows) {
            String code = r.getString("link_or_code");
            around.sameDevice.computeIfAbsent(code + "\n" + r.getString("device_key"), k -> new ArrayList<>()).add(click(r, code));
          }
        }).replaceWithVoid();
  }

  private Uni<Void> bot(SqlClient sql, List<RuleVariant> variants, Click click, String userAgent, Around around) {
    String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (RuleVariant v : variants) {
      String marker = ua.isBlank() ? "(empty)" : v.settings().markers("bot-markers").stream().filter(ua::contains).findFirst().orElse(null);
      if (marker != null) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("eventIds", List.of(click.clickId()));
        evidence.put("marker", marker);
        chain = chain.call(() -> invalidate(sql, v, click, "BOT_USER_AGENT", evidence, click.at(), click.at(), around));
      }
    }
    return chain;
  }

  /**
   * ATR-6 duplicates: the clicks of the same device on the same code, taken in event time (the same answer on every instance
   * and replay); the later of two within the window is the duplicate, of the earliest one within it.
   */
  private Uni<Void> duplicate(SqlClient sql, List<RuleVariant> variants, Click click, List<Click> sameDevice, Around around) {
    List<Click> same = new ArrayList<>(sameDevice);
    same.sort(java.util.Comparator.comparing(Click::fact));
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
        // ATR-6: the hour starts at a click that counted; a duplicate (or a click invalid for another reason) opens none, so
        // a device clicking every 55 minutes counts every other click instead of once forever (issue 15)
        if (v.enforced() && around.invalidReason(first) != null) {
          if (thisIsLater) {
            continue; // an earlier click that did not count: an earlier one that did may still be within the window
          }
          break; // this click did not count itself: it makes no later click a duplicate
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("eventIds", List.of(first.clickId(), dup.clickId()));
        evidence.put("firstClickId", first.clickId());
        chain = chain.call(() -> invalidate(sql, v, dup, "DUPLICATE", evidence, first.at(), dup.at(), around));
        if (thisIsLater) {
          break;
        }
      }
    }
    return chain;
  }

  private Uni<Void> burst(SqlClient sql, List<RuleVariant> variants, Click click, String ipHash, List<Click> fromIp, Around around) {
    Map<String, Click> byId = new HashMap<>();
    fromIp.forEach(c -> byId.put(c.clickId(), c));
    if (!byId.containsKey(click.clickId())) {
      return Uni.createFrom().voidItem(); // suppressed by an operator's release
    }
    List<TimedFact> facts = fromIp.stream().map(Click::fact).toList();
    List<Supplier<Uni<Void>>> invalidations = new ArrayList<>(); // a burst may hold thousands of clicks: applied in order
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
        if (v.enforced() && around.invalidReason(c) != null) {
          continue; // already invalidated (this burst seen from an earlier click, or another reason)
        }
        Map<String, Object> own = new LinkedHashMap<>(evidence); // a burst crosses sellers: which of its clicks this seller may see
        own.put("sellerClickIds", burst.stream().map(b -> byId.get(b.id())).filter(o -> Objects.equals(o.sellerId(), c.sellerId()))
            .map(Click::clickId).toList());
        invalidations.add(() -> invalidate(sql, v, c, "IP_BURST", own, burst.get(0).at(), burst.get(burst.size() - 1).at(), around));
      }
    }
    return InOrder.each(invalidations, Supplier::get);
  }

  private Uni<Void> invalidate(SqlClient sql, RuleVariant v, Click c, String reason, Map<String, Object> evidence, Instant from,
      Instant to, Around around) {
    UUID id = DecisionIds.of(Rule.RSK_5.id(), Action.INVALIDATE_CLICK.name(), c.clickId(), c.clickId(), v.status());
    Decision d = new Decision(id, Rule.RSK_5.id(), Action.INVALIDATE_CLICK, SubjectType.CLICK, c.clickId(), c.sellerId(), v.status(),
        reason, evidence, v.settings().values(), from, to, c.at(),
        new InvalidateClickV1(id.toString(), Rule.RSK_5.id(), c.clickId(), c.source(), c.linkOrCode(), c.sellerId(), reason, c.at()));
    if (!v.enforced()) {
      return decisions.record(sql, d).replaceWithVoid();
    }
    // one enforced invalidation per click, whatever the reason: the first reason found is the one kept
    return sql.preparedQuery(MARK).execute(Tuple.of(c.clickId(), reason)).chain(marked -> {
      if (marked.rowCount() == 0) {
        return Uni.createFrom().voidItem();
      }
      around.marked.put(c.clickId(), reason);
      return decisions.record(sql, d).replaceWithVoid();
    });
  }

  private static Click click(Row r, String linkOrCode) {
    return new Click(r.getString("click_id"), r.getString("source"), linkOrCode, r.getString("seller_id"),
        r.getOffsetDateTime("occurred_at").toInstant(), r.getString("invalid_reason"));
  }
}
