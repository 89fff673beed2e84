package com.sellergrowth.risk.api;

import com.sellergrowth.risk.service.DecisionService;
import com.sellergrowth.risk.service.DecisionView;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.security.Caller;
import com.sellergrowth.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A seller's view of the decisions about their own coupons, gift feature, clicks and supplier account (RSK-7), each with the
 * report (what happened, why it matters, what they can do). Shadow decisions are never shown; another seller's decision is a 404.
 */
@Path("/v1/decisions")
@RolesAllowed(Roles.SELLER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "risk (seller)")
public class SellerDecisionResource {
  private final DecisionService decisions;
  private final Caller caller;

  public SellerDecisionResource(DecisionService decisions, Caller caller) {
    this.decisions = decisions;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "The seller's own decisions, without thresholds or operator-only evidence (RSK-7)")
  @APIResponse(responseCode = "200", description = "a page of decisions with their reports")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "422", description = "a filter or page out of range (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<List<DecisionView>> list(@QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
      @QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
    Paging.check(page, size);
    String seller = caller.sellerId();
    if ("SHADOW".equals(status)) {
      return Uni.createFrom().item(List.of());
    }
    return decisions.list(new DecisionService.Filter(null, status, subjectType, subjectId, seller, false), page, size)
        .map(list -> list.stream().map(DecisionView::forSeller).toList());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One of the seller's decisions (RSK-7)")
  @APIResponse(responseCode = "200", description = "the decision")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "404", description = "no such decision of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<DecisionView> get(@PathParam("id") String id) {
    String seller = caller.sellerId();
    return decisions.get(Paging.uuid(id)).map(d -> {
      if (d == null || !seller.equals(d.sellerId()) || "SHADOW".equals(d.status())) {
        throw ApiException.notFound("decision");
      }
      return d.forSeller();
    });
  }
}
