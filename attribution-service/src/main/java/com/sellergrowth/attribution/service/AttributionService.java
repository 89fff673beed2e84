package com.sellergrowth.attribution.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sellergrowth.attribution.config.AttributionConfig;
import com.sellergrowth.attribution.domain.AttributionRule;
import com.sellergrowth.attribution.domain.CommissionRates;
import com.sellergrowth.attribution.persistence.OrderStore;
import com.sellergrowth.attribution.persistence.OrderStore.CommissionRow;
import com.sellergrowth.attribution.persistence.OrderStore.OrderRow;
import com.sellergrowth.attribution.persistence.Sql;
import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.attribution.CommissionAccruedV1;
import com.sellergrowth.events.attribution.CommissionReversedV1;
import com.sellergrowth.events.attribution.OrderAttributedV1;
import com.sellergrowth.events.platform.OrderLine;
import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.support.ids.TimeOrderedIds;
import com.sellergrowth.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * ATR-5 and ATR-7 on {@code platform.orders}: an order is attributed to its last counted click within the window, whichever of
 * the two arrives first (an order that found no click waits {@code window.order-grace} for one); an attributed paid order earns
 * its commission once; a refund reverses a pending commission or claws back a locked one. Every step is a conditional
 * statement in the batch's (or the click batch's) transaction, with its events in the outbox, so duplicates, concurrent
 * consumers and replays change nothing.
 */
@ApplicationScoped
public class AttributionService {
  static final String CONSUMER = "attribution-service:platform.orders";
  private static final ObjectMapper JSON = EventSerde.mapper();
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  /** Longest id (order, seller, buyer, device, event) stored: longer ones are dead-lettered, not left to fail an index. */
  static final int MAX_ID = 128;

  private final Pool pool;
  private final OrderStore orders;
  private final Clock clock;
  private final AttributionRule rule;
  private final CommissionRates rates;
  private final AttributionConfig config;

  public AttributionService(Pool pool, OrderStore orders, Clock clock, AttributionConfig config) {
    this.pool = pool;
    this.orders = orders;
    this.clock = clock;
    this.config = config;
    this.rule = new AttributionRule(config.window().length(), config.window().minClickToOrder());
    this.rates = CommissionRates.parse(config.commission().categoryRates(), config.commission().defaultRateBp());
  }

  /** What happened to the order. */
  public enum Kind {
    PLACED, PAID, REFUNDED
  }

  /** One order event of a batch, checked ({@link #check}). */
  public record OrderEvent(String eventId, Kind kind, OrderSnapshot order, Instant at, OrderRow row) {
  }

  /**
   * Checks an order event; anything out of contract bounds throws {@link EventRejectedException} (dead-letter it alone).
   * Refunds need only the order's id.
   */
  public OrderEvent check(String eventId, Kind kind, OrderSnapshot order, Instant at) {
    if (order == null || order.orderId() == null || order.orderId().isEmpty()) {
      throw new EventRejectedException("order without an id");
    }
    for (String id : new String[] {eventId, order.orderId(), order.sellerId(), order.buyerId(), order.deviceId()}) {
      if (id != null && id.length() > MAX_ID) {
        throw new EventRejectedException("order " + order.orderId().substring(0, Math.min(40, order.orderId().length()))
            + ": an id over " + MAX_ID + " characters");
      }
    }
    return new OrderEvent(eventId, kind, order, at, kind == Kind.REFUNDED ? null : row(order, kind, at));
  }

  /**
   * Applies a batch of order events in one transaction, set-based (ATR-5, ATR-7): the new ones (inbox) are folded per order
   * (the earliest placement, the first payment), the orders' lock stripes taken, the orders stored in one statement, their
   * candidate clicks read in one, the winners written in one, the commissions credited in one and every event appended to
   * the outbox in one. Refunds and cancellations then follow in batch order (rare; they reverse or claw back one commission
   * each). Duplicates and replays change nothing: the inbox skips them and every write is conditional.
   */
  public Uni<Void> onOrders(List<OrderEvent> batch) {
    Map<String, OrderEvent> byId = new LinkedHashMap<>();
    batch.forEach(e -> byId.putIfAbsent(e.eventId(), e));
    return pool.withTransaction(sql -> Sql.firstTimes(sql, CONSUMER, List.copyOf(byId.keySet())).chain(fresh -> {
      List<OrderEvent> events = byId.values().stream().filter(e -> fresh.contains(e.eventId())).toList();
      Map<String, OrderRow> folded = new LinkedHashMap<>();
      Map<String, String> buyers = new HashMap<>();
      for (OrderEvent e : events) {
        if (e.kind() == Kind.REFUNDED || (e.row().deviceId() == null && e.row().namedClickId() == null)) {
          continue; // a refund follows below; an order nothing could ever attribute is not stored
        }
        folded.merge(e.order().orderId(), e.row(), AttributionService::fold);
        buyers.putIfAbsent(e.order().orderId(), e.order().buyerId());
      }
      List<OrderRow> rows = List.copyOf(folded.values());
      List<String> keys = new ArrayList<>();
      rows.forEach(o -> {
        keys.add(o.deviceId());
        keys.add(o.namedClickId() == null ? null : o.namedClickId().toString());
      });
      Uni<Void> stored = rows.isEmpty() ? Uni.createFrom().voidItem()
          : Sql.lockStripes(sql, keys)
              .chain(() -> orders.upsertAll(sql, rows, rows.stream().map(o -> buyers.get(o.orderId())).toList(), clock.instant()))
              .chain(upserted -> attributeAndAccrue(sql, upserted));
      for (OrderEvent e : events) {
        if (e.kind() == Kind.REFUNDED) {
          stored = stored.chain(() -> orders.refund(sql, e.order().orderId(), e.at())
              .chain(o -> o == null ? Uni.createFrom().voidItem() : refund(sql, o, e.at())));
        }
      }
      return stored;
    }));
  }

  /** Two events of one order in a batch: the earliest placement, the first payment, the first event's facts. */
  private static OrderRow fold(OrderRow a, OrderRow b) {
    return new OrderRow(a.orderId(), a.sellerId(), a.deviceId(), a.namedClickId(), a.currency(), a.gmvMinor(), a.lines(),
        a.placedAt().isBefore(b.placedAt()) ? a.placedAt() : b.placedAt(), a.paidAt() != null ? a.paidAt() : b.paidAt(), null, null, null,
        null, null, null);
  }

  /** The stored orders of a batch: the unattributed ones meet their candidate clicks; the attributed and paid ones earn commission. */
  private Uni<Void> attributeAndAccrue(SqlClient sql, List<OrderRow> upserted) {
    List<OrderRow> waiting = upserted.stream().filter(o -> !o.attributed()).toList();
    Uni<Map<String, List<AttributionRule.Candidate>>> candidates = waiting.isEmpty()
        ? Uni.createFrom().item(Map.of()) : orders.candidatesOf(sql, waiting, rule.window());
    return candidates.chain(byOrder -> record(sql, upserted, o -> byOrder.getOrDefault(o.orderId(), List.of())));
  }

  /**
   * Writes what a set of stored orders comes to (the one place both paths end, orders first or clicks first): each unattributed
   * order is won by the last of its candidate clicks in its window, all winners in one statement (those another transaction
   * attributed first are left alone); every attributed, paid and unrefunded order then earns its commission, all in one
   * statement (credited once: the primary key); the resulting events go to the outbox in one statement.
   */
  private Uni<Void> record(SqlClient sql, List<OrderRow> stored, Function<OrderRow, List<AttributionRule.Candidate>> candidatesOf) {
    long windowSeconds = rule.window().toSeconds();
    Instant now = clock.instant();
    List<String> won = new ArrayList<>();
    List<AttributionRule.Winner> winners = new ArrayList<>();
    for (OrderRow o : stored) {
      if (!o.attributed()) {
        rule.winner(candidatesOf.apply(o), o.placedAt(), o.deviceId(), o.namedClickId()).ifPresent(w -> {
          won.add(o.orderId());
          winners.add(w);
        });
      }
    }
    Uni<Set<String>> attributed = won.isEmpty() ? Uni.createFrom().item(Set.of()) : orders.attributeAll(sql, won, winners, windowSeconds);
    return attributed.chain(done -> {
      List<Outbox.Row> outbox = new ArrayList<>();
      Map<String, OrderRow> current = new LinkedHashMap<>();
      stored.forEach(o -> current.put(o.orderId(), o));
      for (int i = 0; i < won.size(); i++) {
        if (!done.contains(won.get(i))) {
          continue;
        }
        OrderRow o = current.get(won.get(i));
        AttributionRule.Winner w = winners.get(i);
        String code = w.click().codeId().toString();
        outbox.add(Outbox.uncheckedRow(TimeOrderedIds.next(), code, new OrderAttributedV1(o.orderId(), code, o.sellerId(),
            w.click().clickId().toString(), w.click().at(), o.placedAt(), w.matchedBy(), windowSeconds, AttributionRule.RULE, o.gmvMinor(),
            o.currency(), now), now));
        current.put(o.orderId(), new OrderRow(o.orderId(), o.sellerId(), o.deviceId(), o.namedClickId(), o.currency(), o.gmvMinor(), o.lines(),
            o.placedAt(), o.paidAt(), o.refundedAt(), w.click().clickId(), w.click().codeId(), w.click().at(), w.matchedBy(), windowSeconds));
      }
      List<CommissionRow> due = current.values().stream().filter(o -> o.attributed() && o.paidAt() != null && o.refundedAt() == null)
          .map(this::commissionOf).toList();
      Uni<Set<String>> credited = due.isEmpty() ? Uni.createFrom().item(Set.of()) : orders.accrueAll(sql, due);
      return credited.chain(ids -> {
        for (CommissionRow c : due) {
          if (ids.contains(c.orderId())) {
            outbox.add(Outbox.uncheckedRow(TimeOrderedIds.next(), c.codeId().toString(), new CommissionAccruedV1(c.orderId(),
                c.codeId().toString(), c.sellerId(), c.baseMinor(), c.amountMinor(), c.currency(), c.locksAt(), now), now));
          }
        }
        return Outbox.insertAll(sql, outbox);
      });
    });
  }

  private CommissionRow commissionOf(OrderRow o) {
    CommissionRates.Calculation calc = rates.calculate(lines(o.lines()));
    return new CommissionRow(o.orderId(), o.sellerId(), o.codeId(), o.currency(), calc.baseMinor(), calc.amountMinor(), write(calc.lines()),
        "PENDING", 0, o.paidAt(), o.paidAt().plus(config.commission().lockAfter()), null, null, null, 1);
  }

  /** Orders that were waiting for a click: the counted clicks of a batch may now win them (ATR-5, order before click). */
  public Uni<Void> onCountedClicks(SqlClient sql, List<AttributionRule.Candidate> clicks, Map<UUID, String> sellerOf) {
    if (clicks.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String[] devices = clicks.stream().map(AttributionRule.Candidate::deviceId).filter(Objects::nonNull).distinct()
        .toArray(String[]::new);
    UUID[] ids = clicks.stream().map(AttributionRule.Candidate::clickId).toArray(UUID[]::new);
    Instant since = clock.instant().minus(config.window().orderGrace());
    Instant earliest = clicks.stream().map(AttributionRule.Candidate::at).min(Instant::compareTo).orElseThrow();
    Instant latest = clicks.stream().map(AttributionRule.Candidate::at).max(Instant::compareTo).orElseThrow();
    // each waiting order looks only at the clicks of its device and the click it names (not at the whole batch)
    Map<String, List<AttributionRule.Candidate>> byDevice = new HashMap<>();
    Map<UUID, AttributionRule.Candidate> byId = new HashMap<>();
    for (AttributionRule.Candidate c : clicks) {
      if (c.deviceId() != null) {
        byDevice.computeIfAbsent(c.deviceId(), d -> new ArrayList<>()).add(c);
      }
      byId.put(c.clickId(), c);
    }
    return orders.waiting(sql, devices, ids, since, earliest, latest.plus(rule.window())).chain(waiting -> record(sql, waiting, o -> {
      List<AttributionRule.Candidate> own = new ArrayList<>(o.deviceId() == null ? List.of() : byDevice.getOrDefault(o.deviceId(), List.of()));
      AttributionRule.Candidate named = o.namedClickId() == null ? null : byId.get(o.namedClickId());
      if (named != null && !own.contains(named)) {
        own.add(named);
      }
      own.removeIf(c -> !o.sellerId().equals(sellerOf.get(c.clickId())));
      return own;
    }));
  }

  /** ATR-7: a refund reverses a pending commission (nothing owed yet) or claws back a locked or paid one; once. */
  private Uni<Void> refund(SqlClient sql, OrderRow o, Instant at) {
    return takeBack(sql, o.orderId(), at);
  }

  /**
   * Takes an order's commission back, once: reversed while pending (nothing owed yet), clawed back once locked or paid
   * (ATR-7). A refund does it, and so does risk-service invalidating the click that won the order (RSK-5, ATR-6).
   */
  public Uni<Void> takeBack(SqlClient sql, String orderId, Instant at) {
    return orders.commissionForUpdate(sql, orderId).chain(c -> {
      if (c == null || "REVERSED".equals(c.status()) || c.clawbackMinor() > 0) {
        return Uni.createFrom().voidItem();
      }
      boolean pending = "PENDING".equals(c.status());
      Instant now = clock.instant();
      return (pending ? orders.reverse(sql, orderId, at) : orders.clawBack(sql, orderId, at))
          .chain(() -> Sql.outbox(sql, c.codeId().toString(), new CommissionReversedV1(orderId, c.codeId().toString(), c.sellerId(),
              pending ? "REVERSAL" : "CLAWBACK", c.amountMinor(), c.currency(), now), now));
    });
  }

  /** Checks an order from the platform; anything out of contract bounds is dead-lettered, not guessed at. */
  private OrderRow row(OrderSnapshot o, Kind kind, Instant at) {
    if (o == null || o.orderId() == null || o.sellerId() == null || o.lines() == null || o.lines().stream().anyMatch(Objects::isNull)) {
      throw new EventRejectedException("order without id, seller or lines");
    }
    if (o.currency() == null || !CURRENCY.matcher(o.currency()).matches()) {
      throw new EventRejectedException("order " + o.orderId() + ": currency is not an ISO 4217 code");
    }
    if (o.amountMinor() < 0 || o.amountMinor() > CommissionRates.MAX_AMOUNT_MINOR) {
      throw new EventRejectedException("order " + o.orderId() + ": amount outside 0.." + CommissionRates.MAX_AMOUNT_MINOR + " minor units");
    }
    List<CommissionRates.Line> lines = new ArrayList<>();
    for (OrderLine l : o.lines()) {
      lines.add(new CommissionRates.Line(l.sku(), l.categoryId(), l.quantity(), l.unitPriceMinor()));
    }
    try {
      rates.calculate(lines);
    } catch (IllegalArgumentException e) {
      throw new EventRejectedException("order " + o.orderId() + ": " + e.getMessage());
    }
    UUID named = null;
    if (o.attributionClickId() != null) {
      try {
        named = UUID.fromString(o.attributionClickId());
      } catch (IllegalArgumentException e) {
        named = null; // not one of our click ids: the device may still match
      }
    }
    return new OrderRow(o.orderId(), o.sellerId(), o.deviceId(), named, o.currency(), o.amountMinor(), write(lines), at,
        kind == Kind.PAID ? at : null, null, null, null, null, null, null);
  }

  private static List<CommissionRates.Line> lines(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<CommissionRates.Line>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
