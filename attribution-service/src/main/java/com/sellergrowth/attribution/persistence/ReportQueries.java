package com.sellergrowth.attribution.persistence;

import static com.sellergrowth.attribution.persistence.Sql.odt;

import com.sellergrowth.attribution.domain.ReportDimension;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** ATR-8's figures, aggregated in PostgreSQL over the seller's clicks and attributed orders. */
@ApplicationScoped
public class ReportQueries {
  private final Pool pool;

  public ReportQueries(Pool pool) {
    this.pool = pool;
  }

  /** The report's filters: a seller, a time range and optional UTM values or one code. */
  public record Filter(String sellerId, Instant from, Instant to, String source, String medium, String campaign, String content, UUID codeId) {
  }

  /**
   * A report statement: the seller's rows in the range aggregated per code and UTC day first (an index range, no join per row),
   * then joined to their codes for the UTM filters and keys. Only the filters given become conditions, so each variant gets a
   * plan of its own instead of a generic one that must serve "no filter" too; every value is a parameter.
   */
  private static Statement statement(String inner, ReportDimension by, Filter f) {
    List<Object> params = new ArrayList<>(List.of(f.sellerId(), odt(f.from()), odt(f.to())));
    StringBuilder codeFilter = new StringBuilder();
    if (f.codeId() != null) {
      params.add(f.codeId());
      codeFilter.append(" AND x.code_id = $").append(params.size());
    }
    StringBuilder utm = new StringBuilder(" WHERE true");
    String[][] filters = {{"c.utm_source", f.source()}, {"c.utm_medium", f.medium()}, {"c.utm_campaign", f.campaign()},
        {"c.utm_content", f.content()}};
    for (String[] filter : filters) {
      if (filter[1] != null) {
        params.add(filter[1]);
        utm.append(" AND ").append(filter[0]).append(" = $").append(params.size());
      }
    }
    return new Statement(String.format(inner, codeFilter, by.sql(), utm), Tuple.from(params));
  }

  private record Statement(String sql, Tuple params) {
  }

  /** Clicks per group key and reason (null: counted). */
  public record ClickCount(String key, String reason, long clicks) {
  }

  /** Attributed orders per group key and currency: orders, GMV of paid and not refunded ones, commission net of reversals. */
  public record OrderFigures(String key, String currency, long orders, long gmvMinor, long commissionMinor) {
  }

  public Uni<List<ClickCount>> clicks(ReportDimension by, Filter f) {
    Statement st = statement("SELECT %2$s AS k, g.reason, sum(g.n)::bigint FROM (SELECT x.code_id, " + ReportDimension.day("x.occurred_at")
        + " AS day, coalesce(x.invalid_reason, 'RISK_' || x.risk_reason) AS reason, count(*) AS n FROM click x WHERE x.seller_id = $1 "
        + "AND x.occurred_at >= $2 AND x.occurred_at < $3%1$s GROUP BY 1, 2, 3) g JOIN marketing_code c ON c.id = g.code_id%3$s "
        + "GROUP BY 1, 2 ORDER BY 1, 2", by, f);
    return pool.preparedQuery(st.sql()).execute(st.params()).map(rows -> {
          List<ClickCount> out = new ArrayList<>();
          rows.forEach(r -> out.add(new ClickCount(r.getString(0), r.getString(1), r.getLong(2))));
          return out;
        });
  }

  public Uni<List<OrderFigures>> orders(ReportDimension by, Filter f) {
    Statement st = statement("SELECT %2$s AS k, g.currency, sum(g.orders)::bigint, sum(g.gmv)::bigint, sum(g.commission)::bigint FROM ("
        + "SELECT x.code_id, " + ReportDimension.day("x.placed_at") + " AS day, x.currency, count(*) AS orders, "
        + "coalesce(sum(x.gmv_minor) FILTER (WHERE x.paid_at IS NOT NULL AND x.refunded_at IS NULL), 0) AS gmv, "
        + "coalesce(sum(CASE WHEN m.status = 'REVERSED' THEN 0 ELSE m.amount_minor - m.clawback_minor END), 0) AS commission "
        + "FROM order_attribution x LEFT JOIN commission m ON m.order_id = x.order_id WHERE x.seller_id = $1 AND x.click_id IS NOT NULL "
        + "AND x.placed_at >= $2 AND x.placed_at < $3%1$s GROUP BY 1, 2, 3) g JOIN marketing_code c ON c.id = g.code_id%3$s "
        + "GROUP BY 1, 2 ORDER BY 1, 2", by, f);
    return pool.preparedQuery(st.sql()).execute(st.params()).map(rows -> {
          List<OrderFigures> out = new ArrayList<>();
          rows.forEach(r -> out.add(new OrderFigures(r.getString(0), r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4))));
          return out;
        });
  }
}
