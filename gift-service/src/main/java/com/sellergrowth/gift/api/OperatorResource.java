package com.sellergrowth.gift.api;

import com.sellergrowth.gift.config.GiftConfig;
import com.sellergrowth.gift.service.DispatchService;
import com.sellergrowth.gift.service.GiftService;
import com.sellergrowth.support.http.Params;
import com.sellergrowth.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators review gift SKUs (GFT-2: the queue, approve, reject with a reason code; audited) and run the 48-hour job now (GFT-8). */
@Path("/v1/operator")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "gift review (operator)")
@APIResponse(responseCode = "401", description = "no valid token (ERR_UNAUTHENTICATED)")
@APIResponse(responseCode = "403", description = "not an operator (ERR_FORBIDDEN)")
@APIResponse(responseCode = "503", description = "a dependency is unavailable; nothing changed (ERR_UNAVAILABLE, Retry-After)")
public class OperatorResource {
  private static final Pattern REASON = Pattern.compile("GFT_[A-Z0-9_]{1,60}");
  private final GiftService gifts;
  private final DispatchService dispatches;
  private final JsonWebToken jwt;
  private final GiftConfig config;

  public OperatorResource(GiftService gifts, DispatchService dispatches, JsonWebToken jwt, GiftConfig config) {
    this.gifts = gifts;
    this.dispatches = dispatches;
    this.jwt = jwt;
    this.config = config;
  }

  @GET
  @Path("gift-reviews")
  @Operation(summary = "The review queue: gifts IN_REVIEW, oldest submission first")
  @APIResponse(responseCode = "200", description = "a page of gifts")
  @APIResponse(responseCode = "422", description = "page or size out of range (ERR_VALIDATION)")
  public Uni<List<Answers.Gift>> queue(@QueryParam("page") String page, @QueryParam("size") String size) {
    return gifts.queue(Params.page(page), Params.size(size, config.api().maxPageSize())).map(l -> l.stream().map(Answers.Gift::summary).toList());
  }

  @GET
  @Path("gifts/{id}")
  @Operation(summary = "A gift with its photos, declarations and review history")
  @APIResponse(responseCode = "200", description = "the gift")
  @APIResponse(responseCode = "404", description = "no such gift (ERR_NOT_FOUND)")
  public Uni<Answers.Gift> get(@PathParam("id") String id) {
    return gifts.get(null, Params.uuid("gift", id)).map(Answers.Gift::of);
  }

  @GET
  @Path("gifts/{id}/photos/{photoId}")
  @Produces({"image/png", "image/jpeg", "application/problem+json"})
  @Operation(summary = "A photo of a gift under review, as the seller uploaded it")
  @APIResponse(responseCode = "200", description = "the image")
  @APIResponse(responseCode = "404", description = "no such gift or photo (ERR_NOT_FOUND)")
  public Uni<jakarta.ws.rs.core.Response> photo(@PathParam("id") String id, @PathParam("photoId") String photoId) {
    return gifts.photo(null, Params.uuid("gift", id), Params.uuid("photo", photoId))
        .map(p -> jakarta.ws.rs.core.Response.ok(p.data(), p.contentType()).header("X-Content-Type-Options", "nosniff")
            .header("Cache-Control", "private, max-age=300").build());
  }

  @POST
  @Path("gifts/{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "GFT-2: approves a gift IN_REVIEW at the version read (audited)")
  @APIResponse(responseCode = "200", description = "the APPROVED gift")
  @APIResponse(responseCode = "404", description = "no such gift (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "decided meanwhile (ERR_CONCURRENT_UPDATE) or not IN_REVIEW (ERR_GIFT_STATE)")
  @APIResponse(responseCode = "422", description = "every field error at once (ERR_VALIDATION)")
  public Uni<Answers.Gift> approve(@PathParam("id") String id, GiftRequests.Decision body) {
    var giftId = Params.uuid("gift", id);
    Check.body(body);
    Check c = new Check();
    String note = c.optionalText("note", body.note(), 1000);
    if (body.reasonCodes() != null && !body.reasonCodes().isEmpty()) {
      c.add("reasonCodes", "ERR_UNEXPECTED", "an approval has no reason codes");
    }
    int version = c.version("version", body.version());
    c.done();
    return gifts.decide(operator(), giftId, version, true, List.of(), note).map(Answers.Gift::of);
  }

  @POST
  @Path("gifts/{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "GFT-2: rejects a gift IN_REVIEW at the version read with at least one reason code (GFT_...), audited")
  @APIResponse(responseCode = "200", description = "the REJECTED gift with its reasons")
  @APIResponse(responseCode = "404", description = "no such gift (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "decided meanwhile (ERR_CONCURRENT_UPDATE) or not IN_REVIEW (ERR_GIFT_STATE)")
  @APIResponse(responseCode = "422", description = "every field error at once (ERR_VALIDATION)")
  public Uni<Answers.Gift> reject(@PathParam("id") String id, GiftRequests.Decision body) {
    var giftId = Params.uuid("gift", id);
    Check.body(body);
    Check c = new Check();
    String note = c.optionalText("note", body.note(), 1000);
    var reasons = c.list("reasonCodes", body.reasonCodes(), 10, REASON, "a reason code such as GFT_NOT_FOR_SALE_MISSING");
    if (body.reasonCodes() == null || body.reasonCodes().isEmpty()) {
      c.add("reasonCodes", "ERR_REQUIRED", "at least one reason code");
    }
    int version = c.version("version", body.version());
    c.done();
    return gifts.decide(operator(), giftId, version, false, List.copyOf(reasons), note).map(Answers.Gift::of);
  }

  @POST
  @Path("dispatches/expire-due")
  @Operation(summary = "GFT-8: fails now every dispatch whose 48 hours ended (the job does this every minute)")
  @APIResponse(responseCode = "200", description = "how many were failed")
  @APIResponse(responseCode = "422", description = "never: the operation takes no input")
  public Uni<Map<String, Integer>> expireDue() {
    return dispatches.expireDue().map(n -> Map.of("failed", n));
  }

  private String operator() {
    String id = jwt.getSubject();
    if (id == null || id.isBlank()) {
      throw new com.sellergrowth.support.problem.ApiException(403, "ERR_FORBIDDEN", "Forbidden", "an operator token names its operator");
    }
    return id;
  }
}
