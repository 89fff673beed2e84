package com.sellergrowth.coupon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sellergrowth.coupon.service.CouponService;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.support.http.Params;
import com.sellergrowth.support.idempotency.IdempotencyKeys;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.security.Caller;
import com.sellergrowth.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seller's coupon API. The seller is the token's subject: another seller's coupon answers 404. */
@Path("/v1/coupons")
@RolesAllowed(Roles.SELLER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "coupons (seller)")
public class CouponResource {
  private static final Set<String> STATUSES = Set.of("DRAFT", "SCHEDULED", "ACTIVE", "PAUSED", "ENDED", "EXPIRED");
  private static final Set<String> CLAIM_STATUSES = Set.of("UNUSED", "REDEEMED", "VOID", "REFUSED");

  private final CouponService coupons;
  private final Caller caller;
  private final Clock clock;

  public CouponResource(CouponService coupons, Caller caller, Clock clock) {
    this.coupons = coupons;
    this.caller = caller;
    this.clock = clock;
  }

  /** Creates a coupon; a retry with the same {@code Idempotency-Key} returns the same coupon (201 both times). */
  @POST
  @Operation(summary = "Creates a coupon (CPN-1..7, 14, 16); a retry with the same Idempotency-Key answers the same coupon")
  @APIResponse(responseCode = "201", description = "the coupon, with its Location")
  @APIResponse(responseCode = "400", description = "malformed JSON, a fraction or text where a number belongs, an unknown field (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "403", description = "not a seller's token, or the seller is not eligible (ERR_SELLER_NOT_ELIGIBLE, every unmet condition listed)")
  @APIResponse(responseCode = "422", description = "every field error at once (ERR_VALIDATION): CPN-1 floor, CPN-4 face value, money past 10^12, window, pool, countries, variants; or the Idempotency-Key was used with another request (ERR_IDEMPOTENCY_KEY_REUSED)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<Response> create(CreateCouponRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    if (request == null) {
      throw new ApiException(400, "ERR_MALFORMED_BODY", "Malformed request body", "a JSON body is required");
    }
    return coupons.create(caller.sellerId(), request.toDraft(), blankToNull(idempotencyKey), hash(request))
        .map(c -> Response.created(URI.create("/v1/coupons/" + c.id)).entity(CouponResponse.of(c, clock.instant())).build());
  }

  @GET
  @Operation(summary = "The seller's coupons, newest first, by status")
  @APIResponse(responseCode = "200", description = "a page of coupons")
  @APIResponse(responseCode = "400", description = "an unknown status or a page past 10,000 (ERR_BAD_QUERY)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<List<CouponResponse>> list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    if (status != null && !STATUSES.contains(status)) {
      throw invalidQuery("status", "one of " + STATUSES);
    }
    return coupons.list(caller.sellerId(), status, page(page), clamp(size))
        .map(list -> list.stream().map(c -> CouponResponse.of(c, clock.instant())).toList());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One coupon of the seller")
  @APIResponse(responseCode = "200", description = "the coupon")
  @APIResponse(responseCode = "404", description = "no such coupon of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<CouponResponse> get(@PathParam("id") String id) {
    return coupons.get(caller.sellerId(), uuid(id)).map(c -> CouponResponse.of(c, clock.instant()));
  }

  @POST
  @Path("{id}/publish")
  @Operation(summary = "Publishes a draft (CPN-17), and coupon.created with it; a running coupon changes nothing")
  @APIResponse(responseCode = "200", description = "the coupon as it is now")
  @APIResponse(responseCode = "404", description = "no such coupon of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "ended or expired (ERR_NOT_A_DRAFT), or changed meanwhile (ERR_CONCURRENT_UPDATE)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<CouponResponse> publish(@PathParam("id") String id) {
    return coupons.publish(caller.sellerId(), uuid(id)).map(c -> CouponResponse.of(c, clock.instant()));
  }

  /** Reason for a pause. */
  public record PauseRequest(String reason) {
  }

  @POST
  @Path("{id}/pause")
  @Operation(summary = "The seller pauses a running coupon (CPN-17): no new claims")
  @APIResponse(responseCode = "200", description = "the coupon as it is now")
  @APIResponse(responseCode = "400", description = "malformed JSON (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "404", description = "no such coupon of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "not running, or changed meanwhile (ERR_CONCURRENT_UPDATE)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<CouponResponse> pause(@PathParam("id") String id, PauseRequest request) {
    return coupons.pauseBySeller(caller.sellerId(), uuid(id), request == null ? null : request.reason())
        .map(c -> CouponResponse.of(c, clock.instant()));
  }

  @POST
  @Path("{id}/resume")
  @Operation(summary = "The seller resumes a coupon they paused (CPN-17)")
  @APIResponse(responseCode = "200", description = "the coupon as it is now")
  @APIResponse(responseCode = "404", description = "no such coupon of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "held by a risk decision (ERR_RISK_PAUSED), not paused, or changed meanwhile (ERR_CONCURRENT_UPDATE)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<CouponResponse> resume(@PathParam("id") String id) {
    return coupons.resumeBySeller(caller.sellerId(), uuid(id)).map(c -> CouponResponse.of(c, clock.instant()));
  }

  @POST
  @Path("{id}/end")
  @Operation(summary = "Ends a coupon for good (CPN-17): no claims, and no redemption of orders paid from now")
  @APIResponse(responseCode = "200", description = "the coupon as it is now")
  @APIResponse(responseCode = "404", description = "no such coupon of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "expired already, or changed meanwhile (ERR_CONCURRENT_UPDATE)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<CouponResponse> end(@PathParam("id") String id) {
    return coupons.end(caller.sellerId(), uuid(id)).map(c -> CouponResponse.of(c, clock.instant()));
  }

  /** CPN-10: claims filtered by status (UNUSED, REDEEMED, VOID) and refusals (status REFUSED, or no filter). */
  @GET
  @Path("{id}/claims")
  @Operation(summary = "Claims and refusals of a coupon with their codes (CPN-10)")
  @APIResponse(responseCode = "200", description = "a page of claims and refusals")
  @APIResponse(responseCode = "400", description = "an unknown status or a page past 10,000 (ERR_BAD_QUERY)")
  @APIResponse(responseCode = "404", description = "no such coupon of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<ClaimDetailsResponse> claims(@PathParam("id") String id, @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
    if (status != null && !CLAIM_STATUSES.contains(status)) {
      throw invalidQuery("status", "one of " + CLAIM_STATUSES);
    }
    int p = page(page);
    int s = clamp(size);
    return coupons.claimDetails(caller.sellerId(), uuid(id), status, p, s)
        .map(d -> new ClaimDetailsResponse(d.claims().stream().map(ClaimResponse::of).toList(), d.refusals(), p, s));
  }

  @GET
  @Path("{id}/analytics")
  @Operation(summary = "Claims, refusals by code, redemptions, GMV, cost, variants and warnings (CPN-15, CPN-16)")
  @APIResponse(responseCode = "200", description = "the figures")
  @APIResponse(responseCode = "404", description = "no such coupon of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<AnalyticsResponse> analytics(@PathParam("id") String id) {
    return coupons.analytics(caller.sellerId(), uuid(id)).map(AnalyticsResponse::of);
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("coupon");
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A page number from 0 to {@link Params#MAX_PAGE}: past it, page x size would overflow the offset (issue 15). */
  private static int page(int page) {
    if (page < 0 || page > Params.MAX_PAGE) {
      throw invalidQuery("page", "a whole number from 0 to " + Params.MAX_PAGE);
    }
    return page;
  }

  private static int clamp(int size) {
    return Math.min(Math.max(size, 1), 200);
  }

  private static ApiException invalidQuery(String param, String expected) {
    return new ApiException(400, "ERR_BAD_QUERY", "Invalid query parameter", param + " must be " + expected,
        List.of(new FieldError(param, "ERR_UNKNOWN_VALUE", param + " must be " + expected)));
  }

  private static String hash(Object request) {
    try {
      return IdempotencyKeys.hash(EventSerde.mapper().writeValueAsString(request));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
