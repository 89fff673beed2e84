package com.sellergrowth.gift.service;

import static com.sellergrowth.support.sql.PgSql.odt;

import com.sellergrowth.gift.config.GiftConfig;
import com.sellergrowth.gift.domain.Ranking;
import com.sellergrowth.support.problem.ApiException;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the seller learns from past events: the gift ranking for an order (GFT-10) and the gift analytics (GFT-11). Both read
 * facts folded once per order and per dispatch, so a replay of the topics leaves every figure as it was.
 */
@ApplicationScoped
public class InsightService {
  private final Pool pool;
  private final Ranking ranking;
  private final Duration heatWindow;
  private final Clock clock;

  public InsightService(Pool pool, GiftConfig config, Clock clock) {
    this.pool = pool;
    var r = config.recommendation();
    this.ranking = new Ranking(r.buyerWeight(), r.countryWeight(), r.heatWeight());
    this.heatWindow = r.heatWindow();
    this.clock = clock;
  }

  /** The ranking for one of the seller's orders, with the figures behind every score. */
  public record Recommendation(String orderId, String buyerId, String country, Instant heatSince, List<Ranking.Ranked> gifts) {
  }

  public Uni<Recommendation> recommend(String sellerId, String orderId) {
    Instant now = clock.instant();
    LocalDate since = LocalDate.ofInstant(now.minus(heatWindow), ZoneOffset.UTC);
    return pool.withConnection(sql -> sql.preparedQuery("SELECT buyer_id, country FROM order_fact WHERE order_id = $1 AND seller_id = $2")
        .execute(Tuple.of(orderId, sellerId)).chain(rows -> {
          if (rows.size() == 0) {
            throw ApiException.notFound("order " + orderId);
          }
          String buyer = rows.iterator().next().getString(0);
          String country = rows.iterator().next().getString(1);
          return candidates(sql, sellerId).chain(candidates -> counts(sql, "SELECT category_id, orders FROM buyer_category WHERE seller_id = $1 AND buyer_id = $2",
              Tuple.of(sellerId, buyer)).chain(byBuyer -> counts(sql, "SELECT category_id, shipped FROM country_gift_category WHERE country = $1",
              Tuple.of(country)).chain(byCountry -> counts(sql, "SELECT category_id, sum(orders) FROM category_day WHERE day >= $1 "
              + "GROUP BY category_id", Tuple.of(since)).chain(heat -> sql.preparedQuery("SELECT count(*) FROM order_fact WHERE buyer_id = $1 "
              + "AND seller_id = $2 AND paid_at IS NOT NULL").execute(Tuple.of(buyer, sellerId)).map(buyerOrders -> {
                long hottest = heat.values().stream().mapToLong(Long::longValue).max().orElse(0);
                Ranking.Facts facts = new Ranking.Facts(byBuyer, buyerOrders.iterator().next().getLong(0), byCountry,
                    byCountry.values().stream().mapToLong(Long::longValue).sum(), heat, hottest);
                return new Recommendation(orderId, buyer, country, since.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    ranking.rank(candidates, facts, country));
              })))));
        }));
  }

  /** The seller's approved gifts with stock to give. */
  private static Uni<List<Ranking.Candidate>> candidates(SqlClient sql, String sellerId) {
    return sql.preparedQuery("SELECT g.id, g.name, g.category_id, s.on_hand - s.reserved FROM gift g JOIN gift_stock s ON s.gift_id = g.id "
        + "WHERE g.seller_id = $1 AND g.status = 'APPROVED' AND s.on_hand > s.reserved").execute(Tuple.of(sellerId)).map(rows -> {
          List<Ranking.Candidate> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Ranking.Candidate(r.getUUID(0), r.getString(1), r.getString(2), r.getLong(3))));
          return out;
        });
  }

  private static Uni<Map<String, Long>> counts(SqlClient sql, String query, Tuple args) {
    return sql.preparedQuery(query).execute(args).map(rows -> {
      Map<String, Long> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getString(0), r.getLong(1)));
      return out;
    });
  }

  /** GFT-11 for a period (days in UTC, both included). */
  public record Analytics(LocalDate from, LocalDate to, long dispatches, Map<String, Long> byStatus, Map<String, Long> failuresByCode,
      Map<String, Long> outcomes, long costMinor, String costCurrency, Group withGift, Group withoutGift) {
  }

  /**
   * Orders with a gift (offered at checkout / dispatched) against orders without: conversion = paid of placed, repeat purchase =
   * paid orders whose buyer paid another order of the seller later. Rates in basis points.
   */
  public record Group(long placed, long paidOfPlaced, int conversionBp, long paid, long repeated, int repeatPurchaseBp) {
  }

  public Uni<Analytics> analytics(String sellerId, LocalDate from, LocalDate to, String costCurrency) {
    var start = odt(from.atStartOfDay(ZoneOffset.UTC).toInstant());
    var end = odt(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    Tuple period = Tuple.of(sellerId, start, end);
    return pool.withConnection(sql -> counts(sql, "SELECT status, count(*) FROM dispatch WHERE seller_id = $1 AND created_at >= $2 "
        + "AND created_at < $3 GROUP BY status", period).chain(byStatus -> counts(sql, "SELECT failure_code, count(*) FROM dispatch "
        + "WHERE seller_id = $1 AND created_at >= $2 AND created_at < $3 AND status = 'FAILED' GROUP BY failure_code", period)
        .chain(failures -> counts(sql, "SELECT outcome, count(*) FROM order_fact WHERE seller_id = $1 AND paid_at >= $2 AND paid_at < $3 "
            + "AND outcome IS NOT NULL GROUP BY outcome", period)
        .chain(outcomes -> sql.preparedQuery("SELECT coalesce(sum(fee_minor), 0) FROM dispatch WHERE seller_id = $1 AND created_at >= $2 "
            + "AND created_at < $3 AND status IN ('LABELLED', 'SHIPPED')").execute(period)
        .chain(cost -> groups(sql, period).map(groups -> new Analytics(from, to, byStatus.values().stream().mapToLong(Long::longValue).sum(),
            new LinkedHashMap<>(byStatus), failures, outcomes, cost.iterator().next().getLong(0), costCurrency,
            groups.getOrDefault(true, empty()), groups.getOrDefault(false, empty()))))))));
  }

  private static Group empty() {
    return new Group(0, 0, 0, 0, 0, 0);
  }

  /** Conversion by gift offered at checkout; repeat purchase by gift dispatched. */
  private static Uni<Map<Boolean, Group>> groups(SqlClient sql, Tuple period) {
    return sql.preparedQuery("SELECT coalesce(gift_offered, false), count(*) FILTER (WHERE placed_at IS NOT NULL), "
            + "count(*) FILTER (WHERE placed_at IS NOT NULL AND paid_at IS NOT NULL) FROM order_fact WHERE seller_id = $1 "
            + "AND coalesce(placed_at, paid_at) >= $2 AND coalesce(placed_at, paid_at) < $3 GROUP BY 1").execute(period)
        .chain(conversion -> sql.preparedQuery("SELECT o.outcome = 'DISPATCHED', count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "
            + "order_fact n WHERE n.seller_id = o.seller_id AND n.buyer_id = o.buyer_id AND n.paid_at > o.paid_at)) FROM order_fact o "
            + "WHERE o.seller_id = $1 AND o.paid_at >= $2 AND o.paid_at < $3 GROUP BY 1").execute(period).map(repeat -> {
              Map<Boolean, long[]> acc = new HashMap<>();
              for (Row r : conversion) {
                long[] a = acc.computeIfAbsent(r.getBoolean(0), k -> new long[4]);
                a[0] = r.getLong(1);
                a[1] = r.getLong(2);
              }
              for (Row r : repeat) {
                long[] a = acc.computeIfAbsent(Boolean.TRUE.equals(r.getBoolean(0)), k -> new long[4]);
                a[2] += r.getLong(1);
                a[3] += r.getLong(2);
              }
              Map<Boolean, Group> out = new HashMap<>();
              acc.forEach((k, a) -> out.put(k, new Group(a[0], a[1], bp(a[1], a[0]), a[2], a[3], bp(a[3], a[2]))));
              return out;
            }));
  }

  /** n / d in basis points, rounded down; 0 when d is 0. */
  static int bp(long n, long d) {
    return d == 0 ? 0 : (int) (n * 10_000 / d);
  }
}
