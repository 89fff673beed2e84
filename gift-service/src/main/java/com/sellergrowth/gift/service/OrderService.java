package com.sellergrowth.gift.service;

import static com.sellergrowth.support.sql.PgSql.odt;

import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.gift.GiftDispatchCancelledV1;
import com.sellergrowth.events.gift.GiftDispatchCreatedV1;
import com.sellergrowth.events.gift.GiftDispatchFailedV1;
import com.sellergrowth.events.platform.OrderLine;
import com.sellergrowth.events.platform.OrderSnapshot;
import com.sellergrowth.gift.config.GiftConfig;
import com.sellergrowth.gift.domain.Eligibility;
import com.sellergrowth.gift.domain.FailureCodes;
import com.sellergrowth.gift.domain.OrderFacts;
import com.sellergrowth.gift.domain.RuleMatcher;
import com.sellergrowth.gift.domain.Tariff;
import com.sellergrowth.gift.domain.TriggerRule;
import com.sellergrowth.gift.persistence.StockRows;
import com.sellergrowth.support.ids.TimeOrderedIds;
import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.support.sql.PgSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * platform.orders into gift decisions, a batch per transaction and set-based (GFT-3, GFT-4, GFT-6, GFT-9): a paid order that
 * meets a trigger rule gets one unit of the rule's gift reserved in the gift warehouse and a PENDING dispatch; without a unit,
 * a dispatch FAILED with ERR_GIFT_STOCK; a cash-on-delivery destination, a frozen seller or no rule: no dispatch, and the
 * order's outcome says why. The order id decides once: the same order paid in two events, or replayed, makes one decision.
 * A cancellation or refund before shipment cancels the open dispatch and returns its unit. The ranking's facts (GFT-10) and
 * the analytics' facts (GFT-11) are folded in the same transaction.
 */
@ApplicationScoped
public class OrderService {
  static final String CONSUMER = "gift-service:platform.orders";
  /** Bounds of what an order may carry (a larger one is dead-lettered: money has explicit bounds). */
  public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
  private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int MAX_LINES = 500;
  private static final Class<?>[] DISPATCH_TYPES = {UUID.class, String.class, String.class, UUID.class, UUID.class, String.class, String.class,
      String.class, String.class, Boolean.class};
  private static final Class<?>[] FACT_TYPES = {String.class, String.class, String.class, String.class, String.class, Long.class, String.class,
      OffsetDateTime.class, OffsetDateTime.class, OffsetDateTime.class, Boolean.class, String.class, UUID.class, UUID.class};

  private final Pool pool;
  private final Tariff tariff;
  private final SellerService sellerService;
  private final Eligibility eligibility;
  private final Duration confirmWithin;
  private final Clock clock;

  public OrderService(Pool pool, Tariffs tariffs, SellerService sellerService, GiftConfig config, Clock clock) {
    this.pool = pool;
    this.tariff = tariffs.tariff();
    this.sellerService = sellerService;
    this.eligibility = sellerService.eligibility();
    this.confirmWithin = config.dispatch().confirmWithin();
    this.clock = clock;
  }

  /** Checks an order against the bounds; refuses (dead letter) what the service cannot store exactly. */
  public static OrderEvent check(String eventId, OrderEvent.Kind kind, OrderSnapshot o, Instant at) {
    List<String> errors = new ArrayList<>();
    if (o == null || at == null) {
      throw new EventRejectedException("an order event without its order or its time");
    }
    for (var f : List.of(new String[] {"orderId", o.orderId()}, new String[] {"sellerId", o.sellerId()}, new String[] {"buyerId", o.buyerId()})) {
      if (f[1] == null || !ID.matcher(f[1]).matches()) {
        errors.add(f[0] + " must be 1 to 128 of A-Z a-z 0-9 . _ : / -");
      }
    }
    if (o.country() == null || !COUNTRY.matcher(o.country()).matches()) {
      errors.add("country must be an ISO 3166 alpha-2 code");
    }
    if (o.currency() == null || !CURRENCY.matcher(o.currency()).matches()) {
      errors.add("currency must be an ISO 4217 code");
    }
    if (o.amountMinor() < 0 || o.amountMinor() > MAX_AMOUNT_MINOR) {
      errors.add("amountMinor must be from 0 to " + MAX_AMOUNT_MINOR);
    }
    if (o.lines() == null || o.lines().size() > MAX_LINES) {
      errors.add("lines must be a list of at most " + MAX_LINES);
    } else {
      for (OrderLine l : o.lines()) {
        if (l == null || l.categoryId() == null || !CATEGORY.matcher(l.categoryId()).matches()) {
          errors.add("every line needs a categoryId of 1 to 64 of A-Z a-z 0-9 . _ : / -");
          break;
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new EventRejectedException(String.join("; ", errors));
    }
    return new OrderEvent(eventId, kind, o, at);
  }

  /** What a batch did, for the consumer's counters. */
  public record Applied(int dispatched, int outOfStock, int cancelled) {
  }

  /** One order's events of a batch, folded: its snapshot and when it was placed, paid and ended. */
  private static final class Fold {
    OrderSnapshot order;
    Instant placedAt;
    Instant paidAt;
    Instant endedAt;
    String endReason;

    Fold(OrderSnapshot order) {
      this.order = order;
    }

    OrderFacts facts() {
      Set<String> categories = new LinkedHashSet<>();
      order.lines().forEach(l -> categories.add(l.categoryId()));
      return new OrderFacts(order.orderId(), order.sellerId(), order.buyerId(), order.country(), order.currency(), order.amountMinor(),
          categories);
    }
  }

  /** What the table knew of an order before this batch. */
  private record Known(boolean paid, boolean ended, Boolean giftOffered) {
  }

  /** The decision of a batch for one order. */
  private record Decision(String outcome, TriggerRule rule, UUID dispatchId, boolean reserved) {
  }

  public Uni<Void> onOrders(List<OrderEvent> batch) {
    return apply(batch).replaceWithVoid();
  }

  public Uni<Applied> apply(List<OrderEvent> batch) {
    if (batch.isEmpty()) {
      return Uni.createFrom().item(new Applied(0, 0, 0));
    }
    Instant now = clock.instant();
    return pool.withTransaction(sql -> PgSql.firstTimes(sql, CONSUMER, batch.stream().map(OrderEvent::eventId).toList()).chain(first -> {
      Map<String, Fold> folds = new LinkedHashMap<>();
      for (OrderEvent e : batch) {
        if (!first.remove(e.eventId())) {
          continue; // a duplicate (or the same event twice in this batch)
        }
        Fold f = folds.computeIfAbsent(e.order().orderId(), k -> new Fold(e.order()));
        switch (e.kind()) {
          case PLACED -> f.placedAt = min(f.placedAt, e.at());
          case PAID -> {
            f.paidAt = min(f.paidAt, e.at());
            f.order = e.order(); // the paid order is the one the gift is decided on
          }
          case CANCELLED, REFUNDED -> {
            if (f.endedAt == null || e.at().isBefore(f.endedAt)) {
              f.endedAt = e.at();
              f.endReason = e.kind() == OrderEvent.Kind.CANCELLED ? "ORDER_CANCELLED" : "ORDER_REFUNDED";
            }
          }
          default -> throw new IllegalStateException(e.kind().name());
        }
      }
      if (folds.isEmpty()) {
        return Uni.createFrom().item(new Applied(0, 0, 0));
      }
      return known(sql, folds.keySet()).chain(known -> {
        Set<String> sellers = new HashSet<>();
        folds.values().forEach(f -> sellers.add(f.order.sellerId()));
        return RuleService.activeRules(sql, sellers).chain(rules -> frozen(sql, sellers)
            .chain(frozen -> ineligible(sql, sellers).chain(ineligible -> decide(sql, folds, known, rules, frozen, ineligible, now))));
      });
    }));
  }

  private Uni<Applied> decide(SqlClient sql, Map<String, Fold> folds, Map<String, Known> known, List<RuleService.RuleRow> rules,
      Set<String> frozen, Set<String> ineligible, Instant now) {
    Map<String, List<TriggerRule>> bySeller = new HashMap<>();
    rules.forEach(r -> bySeller.computeIfAbsent(r.sellerId(), k -> new ArrayList<>()).add(r.rule()));
    Map<String, Decision> decisions = new LinkedHashMap<>();
    Map<String, Boolean> offered = new HashMap<>();
    Map<UUID, List<String>> wanted = new TreeMap<>();
    List<String> ending = new ArrayList<>();
    for (Fold f : folds.values()) {
      Known k = known.get(f.order.orderId());
      OrderFacts facts = f.facts();
      Optional<TriggerRule> winner = RuleMatcher.winner(bySeller.getOrDefault(f.order.sellerId(), List.of()), facts);
      boolean servable = winner.isPresent() && !tariff.isCod(facts.country()) && !ineligible.contains(f.order.sellerId());
      if (k == null || k.giftOffered() == null) {
        offered.put(f.order.orderId(), servable);
      }
      boolean ended = f.endedAt != null || (k != null && k.ended());
      boolean newlyPaid = f.paidAt != null && (k == null || !k.paid());
      if (f.endedAt != null && k != null && k.paid()) {
        ending.add(f.order.orderId()); // paid in an earlier batch: its open dispatch, if any, is cancelled
      }
      if (!newlyPaid) {
        continue;
      }
      if (ended) {
        decisions.put(f.order.orderId(), new Decision("ORDER_ENDED", null, null, false));
      } else if (ineligible.contains(f.order.sellerId())) {
        decisions.put(f.order.orderId(), new Decision("NOT_ELIGIBLE", winner.orElse(null), null, false)); // GFT-1, as of now
      } else if (winner.isEmpty()) {
        decisions.put(f.order.orderId(), new Decision("NO_RULE", null, null, false));
      } else if (tariff.isCod(facts.country())) {
        decisions.put(f.order.orderId(), new Decision(FailureCodes.COD_COUNTRY, winner.get(), null, false)); // GFT-6
      } else if (frozen.contains(f.order.sellerId())) {
        decisions.put(f.order.orderId(), new Decision("FROZEN", winner.get(), null, false)); // GFT-9
      } else {
        wanted.computeIfAbsent(winner.get().giftId(), g -> new ArrayList<>()).add(f.order.orderId());
        decisions.put(f.order.orderId(), new Decision("PENDING_STOCK", winner.get(), TimeOrderedIds.next(), false)); // appended to the index, not scattered
      }
    }
    // Lock order everywhere: dispatch rows first, then stock rows in gift id order (StockRows). Cancellations go first, so
    // a unit a cancelled order returns can go to an order paid later in the same batch.
    return cancel(sql, ending, folds, now).chain(cancelled -> StockRows.lock(sql, union(wanted.keySet(), cancelled.released().keySet()))
        .chain(available -> {
          Set<String> granted = new HashSet<>();
          Map<UUID, Long> delta = new TreeMap<>();
          cancelled.released().forEach((gift, n) -> delta.merge(gift, -n, Long::sum));
          wanted.forEach((gift, orders) -> {
            long free = available.getOrDefault(gift, 0L) + cancelled.released().getOrDefault(gift, 0L);
            int n = (int) Math.min(orders.size(), Math.max(0, free));
            granted.addAll(orders.subList(0, n));
            delta.merge(gift, (long) n, Long::sum);
          });
          decisions.replaceAll((orderId, d) -> !d.outcome().equals("PENDING_STOCK") ? d
              : granted.contains(orderId) ? new Decision("DISPATCHED", d.rule(), d.dispatchId(), true)
              : new Decision(FailureCodes.NO_GIFT_STOCK, d.rule(), d.dispatchId(), false)); // GFT-4
          return StockRows.adjustReserved(sql, delta)
              .chain(() -> writeDispatches(sql, folds, decisions, now))
              .chain(rows -> writeFacts(sql, folds, decisions, offered).replaceWith(rows))
              .chain(rows -> {
                rows.addAll(cancelled.rows());
                return Outbox.insertAll(sql, rows).replaceWith(new Applied(granted.size(),
                    (int) decisions.values().stream().filter(d -> d.outcome().equals(FailureCodes.NO_GIFT_STOCK)).count(), cancelled.count()));
              });
        }));
  }

  private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
    Set<UUID> out = new HashSet<>(a);
    out.addAll(b);
    return out;
  }

  private Uni<List<Outbox.Row>> writeDispatches(SqlClient sql, Map<String, Fold> folds, Map<String, Decision> decisions, Instant now) {
    List<Outbox.Row> events = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    Instant confirmBy = now.plus(confirmWithin);
    decisions.forEach((orderId, d) -> {
      if (d.dispatchId() == null) {
        return;
      }
      OrderSnapshot o = folds.get(orderId).order;
      String id = d.dispatchId().toString();
      boolean ok = d.reserved();
      rows.add(new Object[] {d.dispatchId(), o.sellerId(), orderId, d.rule().giftId(), d.rule().id(), o.buyerId(), o.country(),
          ok ? "PENDING" : "FAILED", ok ? null : FailureCodes.NO_GIFT_STOCK, ok});
      events.add(Outbox.row(o.sellerId(), ok
          ? new GiftDispatchCreatedV1(id, o.sellerId(), orderId, d.rule().giftId().toString(), d.rule().id().toString(), o.country(), confirmBy, now)
          : new GiftDispatchFailedV1(id, o.sellerId(), FailureCodes.NO_GIFT_STOCK, now), now));
    });
    if (rows.isEmpty()) {
      return Uni.createFrom().item(events);
    }
    return sql.preparedQuery("INSERT INTO dispatch(id, seller_id, order_id, gift_id, rule_id, buyer_id, country, status, failure_code, reserved, "
            + "created_at, confirm_by, ended_at) SELECT id, s, o, g, r, b, c, st, fc, res, $11::timestamptz, $12::timestamptz, "
            + "CASE WHEN res THEN NULL ELSE $11::timestamptz END "
            + "FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bool[]) "
            + "AS t(id, s, o, g, r, b, c, st, fc, res)")
        .execute(Tuple.from(columns(rows, DISPATCH_TYPES, odt(now), odt(confirmBy)))).replaceWith(events);
  }

  /** The order facts (GFT-11) and the ranking's facts (GFT-10: buyer history, category heat), once per order. */
  private Uni<Void> writeFacts(SqlClient sql, Map<String, Fold> folds, Map<String, Decision> decisions, Map<String, Boolean> offered) {
    List<Object[]> rows = new ArrayList<>();
    Map<List<String>, Long> buyerCategories = new TreeMap<>(OrderService::compareKeys);
    Map<List<String>, Long> categoryDays = new TreeMap<>(OrderService::compareKeys);
    for (Fold f : folds.values()) {
      OrderSnapshot o = f.order;
      Decision d = decisions.get(o.orderId());
      Set<String> categories = f.facts().categories();
      rows.add(new Object[] {o.orderId(), o.sellerId(), o.buyerId(), o.country(), o.currency(), o.amountMinor(), String.join(",", categories),
          odt(f.placedAt), odt(d == null ? null : f.paidAt), odt(f.endedAt), offered.get(o.orderId()), d == null ? null : d.outcome(),
          d == null || d.rule() == null ? null : d.rule().id(), d == null || !d.reserved() ? null : d.dispatchId()});
      if (d != null) {
        String day = LocalDate.ofInstant(f.paidAt, ZoneOffset.UTC).toString();
        for (String c : categories) {
          buyerCategories.merge(List.of(o.sellerId(), o.buyerId(), c), 1L, Long::sum);
          categoryDays.merge(List.of(c, day), 1L, Long::sum);
        }
      }
    }
    Uni<Void> facts = sql.preparedQuery("INSERT INTO order_fact(order_id, seller_id, buyer_id, country, currency, amount_minor, categories, "
            + "placed_at, paid_at, ended_at, gift_offered, outcome, rule_id, dispatch_id) SELECT o, s, b, c, cur, a, string_to_array(cat, ','), "
            + "pl, pa, en, go, oc, r, d FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], "
            + "$8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::bool[], $12::text[], $13::uuid[], $14::uuid[]) "
            + "AS t(o, s, b, c, cur, a, cat, pl, pa, en, go, oc, r, d) ON CONFLICT (order_id) DO UPDATE SET "
            // the order as paid is the one decided on: its snapshot replaces the placement's
            + "country = CASE WHEN order_fact.paid_at IS NULL AND EXCLUDED.paid_at IS NOT NULL THEN EXCLUDED.country ELSE order_fact.country END, "
            + "currency = CASE WHEN order_fact.paid_at IS NULL AND EXCLUDED.paid_at IS NOT NULL THEN EXCLUDED.currency ELSE order_fact.currency END, "
            + "amount_minor = CASE WHEN order_fact.paid_at IS NULL AND EXCLUDED.paid_at IS NOT NULL THEN EXCLUDED.amount_minor "
            + "ELSE order_fact.amount_minor END, "
            + "categories = CASE WHEN order_fact.paid_at IS NULL AND EXCLUDED.paid_at IS NOT NULL THEN EXCLUDED.categories "
            + "ELSE order_fact.categories END, "
            + "placed_at = coalesce(order_fact.placed_at, EXCLUDED.placed_at), paid_at = coalesce(order_fact.paid_at, EXCLUDED.paid_at), "
            + "ended_at = coalesce(order_fact.ended_at, EXCLUDED.ended_at), gift_offered = coalesce(order_fact.gift_offered, EXCLUDED.gift_offered), "
            + "outcome = coalesce(order_fact.outcome, EXCLUDED.outcome), rule_id = coalesce(order_fact.rule_id, EXCLUDED.rule_id), "
            + "dispatch_id = coalesce(order_fact.dispatch_id, EXCLUDED.dispatch_id)")
        .execute(Tuple.from(columns(rows, FACT_TYPES))).replaceWithVoid();
    return facts.chain(() -> increments(sql, "INSERT INTO buyer_category(seller_id, buyer_id, category_id, orders) SELECT k1, k2, k3, n "
            + "FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS t(k1, k2, k3, n) ON CONFLICT (seller_id, buyer_id, category_id) "
            + "DO UPDATE SET orders = buyer_category.orders + EXCLUDED.orders", buyerCategories))
        .chain(() -> increments(sql, "INSERT INTO category_day(category_id, day, orders) SELECT k1, k2::date, n FROM "
            + "unnest($1::text[], $2::text[], $3::bigint[]) AS t(k1, k2, n) ON CONFLICT (category_id, day) DO UPDATE SET "
            + "orders = category_day.orders + EXCLUDED.orders", categoryDays));
  }

  /** Adds counts to rows keyed by the key lists' parts (one text column each), in key order, in one statement. */
  private static Uni<Void> increments(SqlClient sql, String statement, Map<List<String>, Long> counts) {
    if (counts.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int width = counts.keySet().iterator().next().size();
    List<List<String>> keys = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      keys.add(new ArrayList<>());
    }
    List<Long> n = new ArrayList<>();
    counts.forEach((k, v) -> {
      for (int i = 0; i < width; i++) {
        keys.get(i).add(k.get(i));
      }
      n.add(v);
    });
    List<Object> args = new ArrayList<>();
    keys.forEach(k -> args.add(k.toArray(String[]::new)));
    args.add(n.toArray(Long[]::new));
    return sql.preparedQuery(statement).execute(Tuple.from(args)).replaceWithVoid();
  }

  /** What the batch's cancellations did: how many, their events, and the units they return per gift. */
  private record Cancelled(int count, List<Outbox.Row> rows, Map<UUID, Long> released) {
  }

  /** Cancels the open dispatches of orders cancelled or refunded before shipment; the caller returns their units. */
  private Uni<Cancelled> cancel(SqlClient sql, List<String> orderIds, Map<String, Fold> folds, Instant now) {
    if (orderIds.isEmpty()) {
      return Uni.createFrom().item(new Cancelled(0, new ArrayList<>(), Map.of()));
    }
    return sql.preparedQuery("UPDATE dispatch SET status = 'CANCELLED', reserved = false, version = version + 1, ended_at = $2 "
            + "WHERE order_id = ANY($1) AND status IN ('PENDING', 'LABELLED') RETURNING id, seller_id, order_id, gift_id")
        .execute(Tuple.of(orderIds.toArray(String[]::new), odt(now))).map(rows -> {
          List<Outbox.Row> events = new ArrayList<>();
          Map<UUID, Long> release = new TreeMap<>();
          for (Row r : rows) {
            String orderId = r.getString(2);
            events.add(Outbox.row(r.getString(1), new GiftDispatchCancelledV1(r.getUUID(0).toString(), r.getString(1), orderId,
                folds.get(orderId).endReason, now), now));
            release.merge(r.getUUID(3), 1L, Long::sum);
          }
          return new Cancelled(rows.size(), events, release);
        });
  }

  /** GFT-1 as of now: the batch's sellers who no longer meet (or never met) the gift feature's conditions. */
  private Uni<Set<String>> ineligible(SqlClient sql, Set<String> sellers) {
    return sellerService.profiles(sql, sellers).map(profiles -> {
      Set<String> out = new HashSet<>();
      for (String seller : sellers) {
        if (!eligibility.unmet(profiles.get(seller)).isEmpty()) {
          out.add(seller);
        }
      }
      return out;
    });
  }

  private static Uni<Map<String, Known>> known(SqlClient sql, Set<String> orderIds) {
    return sql.preparedQuery("SELECT order_id, paid_at IS NOT NULL, ended_at IS NOT NULL, gift_offered FROM order_fact WHERE order_id = ANY($1) "
            + "ORDER BY order_id FOR UPDATE").execute(Tuple.of(orderIds.toArray(String[]::new))).map(rows -> {
              Map<String, Known> out = new HashMap<>();
              rows.forEach(r -> out.put(r.getString(0), new Known(r.getBoolean(1), r.getBoolean(2), r.getBoolean(3))));
              return out;
            });
  }

  private static Uni<Set<String>> frozen(SqlClient sql, Set<String> sellers) {
    return sql.preparedQuery("SELECT seller_id FROM gift_freeze WHERE seller_id = ANY($1) AND released_at IS NULL")
        .execute(Tuple.of(sellers.toArray(String[]::new))).map(rows -> {
          Set<String> out = new HashSet<>();
          rows.forEach(r -> out.add(r.getString(0)));
          return out;
        });
  }

  /** Rows as one array per column (for unnest), typed as {@code types} says, then the constant parameters. */
  private static Object[] columns(List<Object[]> rows, Class<?>[] types, Object... constants) {
    Object[] out = new Object[types.length + constants.length];
    for (int c = 0; c < types.length; c++) {
      Object[] column = (Object[]) java.lang.reflect.Array.newInstance(types[c], rows.size());
      for (int i = 0; i < rows.size(); i++) {
        column[i] = rows.get(i)[c];
      }
      out[c] = column;
    }
    System.arraycopy(constants, 0, out, types.length, constants.length);
    return out;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
