package com.sellergrowth.attribution.api;

import com.sellergrowth.attribution.config.AttributionConfig;
import com.sellergrowth.attribution.domain.ReportDimension;
import com.sellergrowth.attribution.persistence.ReportQueries;
import com.sellergrowth.attribution.service.ReportService;
import com.sellergrowth.support.http.Params;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.security.Caller;
import com.sellergrowth.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ATR-8: the seller's traffic reports, as JSON or CSV. Days are UTC; {@code to} is inclusive. */
@Path("/v1/reports/traffic")
@RolesAllowed(Roles.SELLER)
@Tag(name = "traffic reports (seller)")
@APIResponse(responseCode = "401", description = "no valid token (ERR_UNAUTHENTICATED)")
@APIResponse(responseCode = "422", description = "a filter out of range: dates, groupBy, UTM values (ERR_VALIDATION)")
public class ReportResource {
  private final ReportService reports;
  private final Caller caller;
  private final Clock clock;
  private final AttributionConfig config;

  public ReportResource(ReportService reports, Caller caller, Clock clock, AttributionConfig config) {
    this.reports = reports;
    this.caller = caller;
    this.clock = clock;
    this.config = config;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Clicks, counted and invalid clicks by reason, orders, GMV, commission and conversion, by day or UTM field")
  @APIResponse(responseCode = "200", description = "one line per group")
  public Uni<List<ReportService.Line>> json(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy,
      @QueryParam("source") String source, @QueryParam("medium") String medium, @QueryParam("campaign") String campaign,
      @QueryParam("content") String content, @QueryParam("code") String code) {
    return reports.report(Params.choice("groupBy", groupBy, ReportDimension.class, ReportDimension.DAY),
        filter(from, to, source, medium, campaign, content, code));
  }

  @GET
  @Path("export.csv")
  @Produces("text/csv")
  @Operation(summary = "The same report as CSV (money as CURRENCY:minor pairs)")
  @APIResponse(responseCode = "200", description = "text/csv with a header line")
  public Uni<String> csv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy,
      @QueryParam("source") String source, @QueryParam("medium") String medium, @QueryParam("campaign") String campaign,
      @QueryParam("content") String content, @QueryParam("code") String code) {
    return json(from, to, groupBy, source, medium, campaign, content, code).map(ReportResource::toCsv);
  }

  private ReportQueries.Filter filter(String from, String to, String source, String medium, String campaign, String content, String code) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate givenTo = Params.date("to", to);
    LocalDate givenFrom = Params.date("from", from);
    LocalDate last = givenTo != null ? givenTo : givenFrom != null && givenFrom.isAfter(today) ? givenFrom : today;
    LocalDate first = givenFrom != null ? givenFrom : last.minusDays(6);
    if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= config.api().maxReportDays()) {
      throw ApiException.invalid(List.of(new FieldError("from", "ERR_RANGE",
          "from must not be after to, and the range at most " + config.api().maxReportDays() + " days")));
    }
    return new ReportQueries.Filter(caller.sellerId(), first.atStartOfDay(ZoneOffset.UTC).toInstant(),
        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), Params.text("source", source), Params.text("medium", medium),
        Params.text("campaign", campaign), Params.text("content", content), Params.uuidParam("code", code));
  }

  static String toCsv(List<ReportService.Line> lines) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("key", "clicks", "valid_clicks", "invalid_clicks",
        "invalid_by_reason", "orders", "gmv_minor", "commission_minor", "conversion").get())) {
      for (ReportService.Line l : lines) {
        p.printRecord(l.key(), l.clicks(), l.validClicks(), l.invalidClicks(), pairs(l.invalidByReason()), l.orders(), pairs(l.gmvMinor()),
            pairs(l.commissionMinor()), l.conversion().toPlainString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String pairs(Map<String, Long> m) {
    return m.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
  }
}
