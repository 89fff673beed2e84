package com.sellergrowth.attribution.service;

import com.sellergrowth.attribution.domain.ReportDimension;
import com.sellergrowth.attribution.persistence.ReportQueries;
import com.sellergrowth.attribution.persistence.ReportQueries.Filter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ATR-8: traffic reports by day or by UTM field: clicks, counted clicks, invalid clicks by reason, attributed orders, GMV and
 * commission per currency (minor units; never summed across currencies), and conversion (orders / counted clicks).
 */
@ApplicationScoped
public class ReportService {
  private final ReportQueries queries;

  public ReportService(ReportQueries queries) {
    this.queries = queries;
  }

  /** One group of the report. */
  public record Line(String key, long clicks, long validClicks, long invalidClicks, Map<String, Long> invalidByReason, long orders,
      Map<String, Long> gmvMinor, Map<String, Long> commissionMinor, BigDecimal conversion) {
  }

  public Uni<List<Line>> report(ReportDimension by, Filter f) {
    return Uni.combine().all().unis(queries.clicks(by, f), queries.orders(by, f)).asTuple().map(t -> {
      Map<String, Acc> lines = new TreeMap<>();
      for (ReportQueries.ClickCount c : t.getItem1()) {
        Acc a = lines.computeIfAbsent(c.key(), k -> new Acc());
        a.clicks += c.clicks();
        if (c.reason() == null) {
          a.valid += c.clicks();
        } else {
          a.invalid.merge(c.reason(), c.clicks(), Long::sum);
        }
      }
      for (ReportQueries.OrderFigures o : t.getItem2()) {
        Acc a = lines.computeIfAbsent(o.key(), k -> new Acc());
        a.orders += o.orders();
        a.gmv.merge(o.currency(), o.gmvMinor(), Long::sum);
        a.commission.merge(o.currency(), o.commissionMinor(), Long::sum);
      }
      return lines.entrySet().stream().map(e -> e.getValue().line(e.getKey())).toList();
    });
  }

  private static final class Acc {
    long clicks;
    long valid;
    long orders;
    final Map<String, Long> invalid = new TreeMap<>();
    final Map<String, Long> gmv = new TreeMap<>();
    final Map<String, Long> commission = new TreeMap<>();

    Line line(String key) {
      BigDecimal conversion = valid == 0 ? BigDecimal.ZERO.setScale(4)
          : BigDecimal.valueOf(orders).divide(BigDecimal.valueOf(valid), 4, RoundingMode.HALF_UP);
      return new Line(key, clicks, valid, clicks - valid, invalid, orders, gmv, commission, conversion);
    }
  }
}
