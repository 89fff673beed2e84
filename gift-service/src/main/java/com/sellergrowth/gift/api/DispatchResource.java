package com.sellergrowth.gift.api;

import com.sellergrowth.gift.config.GiftConfig;
import com.sellergrowth.gift.domain.DispatchStatus;
import com.sellergrowth.gift.label.LabelPdf;
import com.sellergrowth.gift.service.DispatchService;
import com.sellergrowth.gift.service.InsightService;
import com.sellergrowth.support.http.Params;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.security.Caller;
import com.sellergrowth.support.security.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A seller's dispatches (GFT-7, GFT-8): list, label (waybill and fee, or ERR-407 / ERR-211), the label PDF, confirm shipment;
 * an order's gift ranking (GFT-10) and the gift analytics (GFT-11).
 */
@Path("/v1")
@RolesAllowed(Roles.SELLER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dispatches and insights (seller)")
@APIResponse(responseCode = "401", description = "no valid token (problem+json ERR_UNAUTHENTICATED)")
@APIResponse(responseCode = "403", description = "not a seller token (problem+json ERR_FORBIDDEN)")
@APIResponse(responseCode = "503", description = "a dependency is unavailable; nothing changed (ERR_UNAVAILABLE, Retry-After)")
public class DispatchResource {
  private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9._-]{1,32}");
  private static final Pattern NFE = Pattern.compile("[0-9]{44}");
  private final DispatchService dispatches;
  private final InsightService insights;
  private final Caller caller;
  private final GiftConfig config;
  private final Clock clock;

  public DispatchResource(DispatchService dispatches, InsightService insights, Caller caller, GiftConfig config, Clock clock) {
    this.dispatches = dispatches;
    this.insights = insights;
    this.caller = caller;
    this.config = config;
    this.clock = clock;
  }

  @GET
  @Path("dispatches")
  @Operation(summary = "The seller's gift dispatches, newest first, by status")
  @APIResponse(responseCode = "200", description = "a page of dispatches")
  @APIResponse(responseCode = "422", description = "status, page or size out of range (ERR_VALIDATION)")
  public Uni<List<Answers.Dispatch>> list(@QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
    DispatchStatus s = Params.choice("status", status, DispatchStatus.class, null);
    return dispatches.list(caller.sellerId(), s == null ? null : s.name(), Params.page(page), Params.size(size, config.api().maxPageSize()))
        .map(l -> l.stream().map(this::answer).toList());
  }

  @GET
  @Path("dispatches/{id}")
  @Operation(summary = "One dispatch with its state, failure code, waybill, itemised fee and confirmation deadline")
  @APIResponse(responseCode = "200", description = "the dispatch")
  @APIResponse(responseCode = "404", description = "no such dispatch of this seller (ERR_NOT_FOUND)")
  public Uni<Answers.Dispatch> get(@PathParam("id") String id) {
    return dispatches.get(caller.sellerId(), Params.uuid("dispatch", id)).map(this::answer);
  }

  @POST
  @Path("dispatches/{id}/label")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "GFT-7: labels a PENDING dispatch at the version read: a waybill SG... and the fee, or FAILED with ERR-407 "
      + "(own packaging not registered) or ERR-211 (destination documents missing)")
  @APIResponse(responseCode = "200", description = "the dispatch, LABELLED or FAILED with its code")
  @APIResponse(responseCode = "404", description = "no such dispatch of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "changed meanwhile, not PENDING, or its 48 hours are over")
  @APIResponse(responseCode = "422", description = "every field error at once (ERR_VALIDATION)")
  public Uni<Answers.Dispatch> label(@PathParam("id") String id, GiftRequests.Label body) {
    UUID dispatchId = Params.uuid("dispatch", id);
    Check.body(body);
    Check c = new Check();
    int version = body.version() == null || body.version() < 1 ? 0 : body.version();
    if (version == 0) {
      c.add("version", "ERR_VERSION_REQUIRED", "the version you read (a positive number)");
    }
    String nfe = body.nfeNumber() == null ? null : c.matching("nfeNumber", body.nfeNumber(), NFE, "an NFe access key: 44 digits");
    List<String> documents = c.list("documents", body.documents(), 20, DOCUMENT, "a document name such as EAC").stream()
        .map(d -> d.toUpperCase(java.util.Locale.ROOT)).distinct().toList();
    GiftRequests.Packaging packaging = body.packaging() == null ? null : c.choice("packaging", body.packaging(), GiftRequests.Packaging.class);
    String registration = c.optionalText("packagingRegistration", body.packagingRegistration(), 64);
    if (registration != null && body.packaging() != null && packaging != GiftRequests.Packaging.OWN) {
      c.add("packagingRegistration", "ERR_UNEXPECTED", "a registration goes with the seller's own packaging (\"packaging\": \"OWN\")");
    }
    c.done();
    return dispatches.label(caller.sellerId(), dispatchId, version, nfe, documents, packaging == null ? null : packaging.name(), registration)
        .map(this::answer);
  }

  @GET
  @Path("dispatches/{id}/label.pdf")
  @Produces({"application/pdf", "application/problem+json"})
  @Operation(summary = "GFT-7: the printable waybill of a labelled dispatch: a PDF with the waybill number and its Code 128 barcode")
  @APIResponse(responseCode = "200", description = "the label (application/pdf)")
  @APIResponse(responseCode = "404", description = "no such dispatch of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "the dispatch has no waybill (ERR_NOT_LABELLED)")
  public Uni<Response> labelPdf(@PathParam("id") String id) {
    String seller = caller.sellerId();
    return dispatches.get(seller, Params.uuid("dispatch", id)).emitOn(Infrastructure.getDefaultWorkerPool()).map(d -> {
      if (d.waybill() == null || !(d.status().equals("LABELLED") || d.status().equals("SHIPPED"))) {
        throw new ApiException(409, "ERR_NOT_LABELLED", "No label", "the dispatch is " + d.status() + (d.waybill() == null
            ? " and has no waybill" : ": its waybill is void, do not ship with it"));
      }
      byte[] pdf = LabelPdf.render(new LabelPdf.Label(d.waybill(), d.orderId(), d.id().toString(), d.country(), d.giftName(), d.sellerId(),
          d.labelledAt()));
      return Response.ok(pdf, "application/pdf").header("Content-Disposition", "inline; filename=\"" + d.waybill() + ".pdf\"").build();
    });
  }

  @POST
  @Path("dispatches/{id}/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "GFT-7, GFT-8: confirms a LABELLED dispatch as shipped, within 48 hours of its creation, at the version read")
  @APIResponse(responseCode = "200", description = "the SHIPPED dispatch")
  @APIResponse(responseCode = "404", description = "no such dispatch of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "changed meanwhile, not LABELLED, or its 48 hours are over (ERR_CONFIRM_WINDOW_CLOSED)")
  @APIResponse(responseCode = "422", description = "no version (ERR_VALIDATION)")
  public Uni<Answers.Dispatch> confirm(@PathParam("id") String id, GiftRequests.Versioned body) {
    UUID dispatchId = Params.uuid("dispatch", id);
    return dispatches.confirm(caller.sellerId(), dispatchId, Check.version(body == null ? null : body.version())).map(this::answer);
  }

  @GET
  @Path("orders/{orderId}/gift-recommendations")
  @Operation(summary = "GFT-10: the seller's approved gifts in stock ranked for this order, each score with its parts and figures")
  @APIResponse(responseCode = "200", description = "the ranking")
  @APIResponse(responseCode = "404", description = "no such order of this seller (ERR_NOT_FOUND)")
  public Uni<InsightService.Recommendation> recommend(@PathParam("orderId") String orderId) {
    return insights.recommend(caller.sellerId(), orderId(orderId));
  }

  @GET
  @Path("gift-analytics")
  @Operation(summary = "GFT-11: dispatches by status, failures by code, cost, and orders with a gift against without (conversion, "
      + "repeat purchase), for days from..to (UTC, default the last 30)")
  @APIResponse(responseCode = "200", description = "the figures")
  @APIResponse(responseCode = "422", description = "a bad date or a period over 366 days (ERR_VALIDATION)")
  public Uni<InsightService.Analytics> analytics(@QueryParam("from") String from, @QueryParam("to") String to) {
    LocalDate today = LocalDate.now(clock);
    LocalDate t = Params.date("to", to);
    LocalDate f = Params.date("from", from);
    LocalDate end = t == null ? today : t;
    LocalDate start = f == null ? end.minusDays(29) : f;
    if (start.isAfter(end) || start.plusDays(366).isBefore(end)) {
      throw ApiException.invalid(List.of(new FieldError("from", "ERR_PERIOD",
          "from is on or before to, at most 366 days apart")));
    }
    return insights.analytics(caller.sellerId(), start, end, config.fees().currency());
  }

  private Answers.Dispatch answer(com.sellergrowth.gift.persistence.DispatchRow d) {
    return Answers.Dispatch.of(d, dispatches.requiredDocuments(d.country()));
  }

  private static String orderId(String raw) {
    if (raw == null || !raw.matches("[A-Za-z0-9._:/-]{1,128}")) {
      throw ApiException.notFound("order");
    }
    return raw;
  }
}
