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
  private static final String FILTERS = " AND ($4::text IS NULL OR c.utm_source = $4) AND ($5::text IS NULL OR c.utm_medium = $5) "
      + "AND ($6::text IS NULL OR c.utm_campaign = $6) AND ($7::text IS NULL OR c.utm_content = $7) AND ($8::uuid IS NULL OR c.id = $8)";

  private final Pool pool;

  public ReportQueries(Pool pool) {
    this.pool = pool;
  }

  /** The report's filters: a seller, a time range and optional UTM values or one code. */
  public record Filter(String sellerId, Instant from, Instant to, String source, String medium, String campaign, String content, UUID codeId) {
    Tuple tuple() {
      return Tuple.from(new Object[] {sellerId, odt(from), odt(to), source, medium, campaign, content, codeId});
    }
  }

  /** Clicks per group key and reason (null: counted). */
  public record ClickCount(String key, String reason, long clicks) {
  }

  /** Attributed orders per group key and currency: orders, GMV of paid and not refunded ones, commission net of reversals. */
  public record OrderFigures(String key, String currency, long orders, long gmvMinor, long commissionMinor) {
  }

  public Uni<List<ClickCount>> clicks(ReportDimension by, Filter f) {
    String key = by.sql("cl.occurred_at");
    return pool.preparedQuery("SELECT " + key + " AS k, coalesce(cl.invalid_reason, 'RISK_' || cl.risk_reason) AS reason, count(*) "
            + "FROM click cl JOIN marketing_code c ON c.id = cl.code_id WHERE cl.seller_id = $1 AND cl.occurred_at >= $2 AND cl.occurred_at < $3"
            + FILTERS + " GROUP BY 1, 2 ORDER BY 1, 2")
        .execute(f.tuple()).map(rows -> {
          List<ClickCount> out = new ArrayList<>();
          rows.forEach(r -> out.add(new ClickCount(r.getString(0), r.getString(1), r.getLong(2))));
          return out;
        });
  }

  public Uni<List<OrderFigures>> orders(ReportDimension by, Filter f) {
    String key = by.sql("o.placed_at");
    return pool.preparedQuery("SELECT " + key + " AS k, o.currency, count(*), "
            + "coalesce(sum(o.gmv_minor) FILTER (WHERE o.paid_at IS NOT NULL AND o.refunded_at IS NULL), 0), "
            + "coalesce(sum(CASE WHEN m.status = 'REVERSED' THEN 0 ELSE m.amount_minor - m.clawback_minor END), 0) "
            + "FROM order_attribution o JOIN marketing_code c ON c.id = o.code_id LEFT JOIN commission m ON m.order_id = o.order_id "
            + "WHERE o.seller_id = $1 AND o.click_id IS NOT NULL AND o.placed_at >= $2 AND o.placed_at < $3" + FILTERS
            + " GROUP BY 1, 2 ORDER BY 1, 2")
        .execute(f.tuple()).map(rows -> {
          List<OrderFigures> out = new ArrayList<>();
          rows.forEach(r -> out.add(new OrderFigures(r.getString(0), r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4))));
          return out;
        });
  }
}
