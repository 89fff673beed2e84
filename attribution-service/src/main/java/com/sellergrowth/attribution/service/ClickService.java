package com.sellergrowth.attribution.service;

import com.sellergrowth.attribution.config.AttributionConfig;
import com.sellergrowth.attribution.domain.AttributionRule;
import com.sellergrowth.attribution.domain.ClickClassifier;
import com.sellergrowth.attribution.domain.ClickIn;
import com.sellergrowth.attribution.persistence.ClickStore;
import com.sellergrowth.attribution.persistence.ClickStore.CodeFacts;
import com.sellergrowth.attribution.persistence.ClickStore.NewClick;
import com.sellergrowth.attribution.persistence.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ATR-6: turns a batch of the click stream into click facts, in one transaction: clicks already stored (a redelivery or a
 * replay) are skipped, the others are classified in stream order (each reason once, decided now and never again) against the
 * dedupe anchors, stored in one statement with the anchors moved, and the counted ones offered to orders waiting for a click.
 * A code's clicks share its partition (key: codeId), so one consumer sees them in order.
 */
@ApplicationScoped
public class ClickService {
  private final Pool pool;
  private final ClickStore store;
  private final AttributionService attribution;
  private final ClickClassifier classifier;
  private final Clock clock;

  public ClickService(Pool pool, ClickStore store, AttributionService attribution, Clock clock, AttributionConfig config) {
    this.pool = pool;
    this.store = store;
    this.attribution = attribution;
    this.clock = clock;
    this.classifier = new ClickClassifier(config.clicks().dedupeWindow());
  }

  /** The outcome of a batch: clicks stored, and clicks skipped because their code is unknown to this service. */
  public record Applied(int stored, int unknownCode) {
  }

  public Uni<Applied> apply(List<ClickIn> batch) {
    Map<UUID, ClickIn> byId = new LinkedHashMap<>();
    // in event time (then id) within the batch: a double-click that reached two threads is judged in the order it happened
    batch.stream().sorted(Comparator.comparing(ClickIn::at).thenComparing(ClickIn::clickId)).forEach(c -> byId.putIfAbsent(c.clickId(), c));
    UUID[] ids = byId.keySet().toArray(UUID[]::new);
    List<String> keys = new ArrayList<>();
    byId.values().forEach(c -> {
      keys.add(c.deviceId());
      keys.add(c.clickId().toString());
    });
    return pool.withTransaction(sql -> Sql.lockStripes(sql, keys).chain(() -> store.existing(sql, ids)).chain(existing -> {
      List<ClickIn> fresh = byId.values().stream().filter(c -> !existing.contains(c.clickId())).toList();
      return fresh.isEmpty() ? Uni.createFrom().item(new Applied(0, 0)) : store(sql, fresh);
    }));
  }

  private Uni<Applied> store(SqlClient sql, List<ClickIn> fresh) {
    UUID[] codeIds = fresh.stream().map(ClickIn::codeId).distinct().toArray(UUID[]::new);
    List<ClickIn> withDevice = fresh.stream().filter(c -> c.deviceId() != null).toList();
    UUID[] anchorCodes = withDevice.stream().map(ClickIn::codeId).toArray(UUID[]::new);
    String[] anchorDevices = withDevice.stream().map(ClickIn::deviceId).toArray(String[]::new);
    UUID[] ids = fresh.stream().map(ClickIn::clickId).toArray(UUID[]::new);
    return Uni.combine().all().unis(store.codes(sql, codeIds), store.anchors(sql, anchorCodes, anchorDevices), store.pendingInvalidations(sql, ids))
        .asTuple().chain(t -> {
          Map<UUID, CodeFacts> codes = t.getItem1();
          Map<String, ClickClassifier.Anchor> anchors = new HashMap<>(t.getItem2());
          Map<UUID, String> risk = t.getItem3();
          Map<String, ClickClassifier.Anchor> moved = new HashMap<>();
          List<NewClick> rows = new ArrayList<>();
          List<AttributionRule.Candidate> counted = new ArrayList<>();
          Map<UUID, String> sellerOf = new HashMap<>();
          int unknown = 0;
          for (ClickIn c : fresh) {
            CodeFacts code = codes.get(c.codeId());
            if (code == null) {
              unknown++;
              continue;
            }
            String key = c.codeId() + "\n" + c.deviceId();
            boolean archived = code.archivedAt() != null && !c.at().isBefore(code.archivedAt());
            ClickClassifier.Outcome o = classifier.classify(c.clickId(),
                new ClickClassifier.Facts(c.rejectedSignature(), c.userAgent(), archived, code.unsellable(), c.deviceId(), c.at()),
                c.deviceId() == null ? null : anchors.get(key));
            if (c.deviceId() != null && o.anchor() != null && !o.anchor().equals(anchors.get(key))) {
              anchors.put(key, o.anchor());
              moved.put(key, o.anchor());
            }
            String reason = o.reason() == null ? null : o.reason().name();
            String riskReason = risk.get(c.clickId());
            rows.add(new NewClick(c.clickId(), c.codeId(), code.sellerId(), c.deviceId(), c.ipHash(), c.at(), reason, riskReason,
                o.duplicateOf()));
            if (reason == null && riskReason == null) {
              counted.add(new AttributionRule.Candidate(c.clickId(), c.codeId(), c.deviceId(), c.at()));
              sellerOf.put(c.clickId(), code.sellerId());
            }
          }
          int unknownCodes = unknown;
          if (rows.isEmpty()) {
            return Uni.createFrom().item(new Applied(0, unknownCodes));
          }
          return store.insert(sql, rows, clock.instant())
              .call(() -> store.saveAnchors(sql, moved))
              .call(() -> attribution.onCountedClicks(sql, counted, sellerOf))
              .map(n -> new Applied(n, unknownCodes));
        });
  }
}
