package com.sellergrowth.attribution.api;

import com.sellergrowth.attribution.config.AttributionConfig;
import com.sellergrowth.attribution.service.CommissionService;
import com.sellergrowth.support.http.Params;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators settle commissions (ATR-7): list them, lock the due ones now, pay a locked one at the version they read. */
@Path("/v1/operator/commissions")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "commissions (operator)")
@APIResponse(responseCode = "401", description = "no valid token (ERR_UNAUTHENTICATED)")
@APIResponse(responseCode = "403", description = "not an operator (ERR_FORBIDDEN)")
public class OperatorResource {
  private final CommissionService commissions;
  private final AttributionConfig config;

  public OperatorResource(CommissionService commissions, AttributionConfig config) {
    this.commissions = commissions;
    this.config = config;
  }

  @GET
  @Operation(summary = "Every seller's commissions, by status")
  @APIResponse(responseCode = "200", description = "a page of commissions")
  @APIResponse(responseCode = "422", description = "status, page or size out of range (ERR_VALIDATION)")
  public Uni<List<AttributionResource.CommissionAnswer>> list(@QueryParam("status") String status, @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return commissions.list(null, AttributionResource.status(status), Params.page(page), Params.size(size, config.api().maxPageSize()))
        .map(l -> l.stream().map(AttributionResource.CommissionAnswer::of).toList());
  }

  @POST
  @Path("lock-due")
  @Operation(summary = "Locks every pending commission whose refund period has ended (the job does this every minute)")
  @APIResponse(responseCode = "200", description = "how many were locked")
  public Uni<Map<String, Integer>> lockDue() {
    return commissions.lockDue().map(n -> Map.of("locked", n));
  }

  @POST
  @Path("{orderId}/pay")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Pays a LOCKED commission at the version read")
  @APIResponse(responseCode = "200", description = "the paid commission")
  @APIResponse(responseCode = "404", description = "no commission for this order (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "changed meanwhile (ERR_CONCURRENT_UPDATE) or not payable (ERR_COMMISSION_STATE)")
  @APIResponse(responseCode = "422", description = "no version (ERR_VALIDATION)")
  public Uni<AttributionResource.CommissionAnswer> pay(@PathParam("orderId") String orderId, CodeRequests.Versioned request) {
    if (request == null || request.version() == null || request.version() < 1) {
      throw ApiException.invalid(List.of(new FieldError("version", "ERR_VERSION_REQUIRED", "the version you read (a positive number)")));
    }
    return commissions.pay(Params.text("orderId", orderId), request.version()).map(AttributionResource.CommissionAnswer::of);
  }
}
