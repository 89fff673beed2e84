package com.sellergrowth.attribution.api;

import com.sellergrowth.attribution.config.AttributionConfig;
import com.sellergrowth.attribution.domain.AttributionRule;
import com.sellergrowth.attribution.persistence.ClickStore;
import com.sellergrowth.attribution.persistence.OrderStore;
import com.sellergrowth.attribution.service.CommissionService;
import com.sellergrowth.support.http.Params;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.security.Caller;
import com.sellergrowth.support.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Why a click counted or not (ATR-6), why an order was attributed (ATR-5), and the seller's commissions (ATR-7). */
@Path("/v1")
@RolesAllowed(Roles.SELLER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attribution (seller)")
@APIResponse(responseCode = "401", description = "no valid token (ERR_UNAUTHENTICATED)")
@APIResponse(responseCode = "404", description = "not this seller's (ERR_NOT_FOUND)")
public class AttributionResource {
  private final Pool pool;
  private final ClickStore clicks;
  private final OrderStore orders;
  private final CommissionService commissions;
  private final Caller caller;
  private final AttributionConfig config;

  public AttributionResource(Pool pool, ClickStore clicks, OrderStore orders, CommissionService commissions, Caller caller,
      AttributionConfig config) {
    this.pool = pool;
    this.clicks = clicks;
    this.orders = orders;
    this.commissions = commissions;
    this.caller = caller;
    this.config = config;
  }

  /** A click and whether it counts: its reason (SIGNATURE, BOT, ERR_404, ARCHIVED, DUPLICATE with the click it repeats, RISK_*). */
  public record ClickAnswer(UUID clickId, UUID codeId, Instant at, boolean counted, String reason, UUID duplicateOf) {
  }

  @GET
  @Path("clicks/{id}")
  @Operation(summary = "One click of the seller's codes and why it counts or not")
  @APIResponse(responseCode = "200", description = "the click")
  public Uni<ClickAnswer> click(@PathParam("id") String id) {
    String seller = caller.sellerId();
    UUID clickId = Params.uuid("click", id);
    return pool.withConnection(sql -> clicks.findOwned(sql, seller, clickId)).map(c -> {
      if (c == null) {
        throw ApiException.notFound("click " + id);
      }
      String reason = c.invalidReason() != null ? c.invalidReason() : c.riskReason() == null ? null : "RISK_" + c.riskReason();
      return new ClickAnswer(c.clickId(), c.codeId(), c.at(), reason == null, reason, c.duplicateOf());
    });
  }

  /** An order's attribution, explained: which click won, when, how it matched, the window and the rule; and its commission. */
  public record OrderAnswer(String orderId, boolean attributed, Instant placedAt, UUID clickId, UUID codeId, Instant clickAt, String matchedBy,
      Long windowSeconds, String rule, String explanation, CommissionAnswer commission) {
  }

  /** A commission with its lifecycle (ATR-7). */
  public record CommissionAnswer(String orderId, UUID codeId, String currency, long baseMinor, long amountMinor, String status,
      long clawbackMinor, Instant accruedAt, Instant locksAt, Instant lockedAt, Instant paidAt, Instant reversedAt, int version) {
    static CommissionAnswer of(OrderStore.CommissionRow c) {
      return c == null ? null : new CommissionAnswer(c.orderId(), c.codeId(), c.currency(), c.baseMinor(), c.amountMinor(), c.status(),
          c.clawbackMinor(), c.accruedAt(), c.locksAt(), c.lockedAt(), c.paidAt(), c.reversedAt(), c.version());
    }
  }

  @GET
  @Path("orders/{orderId}/attribution")
  @Operation(summary = "ATR-5: which click an order was attributed to, and why")
  @APIResponse(responseCode = "200", description = "the explanation")
  public Uni<OrderAnswer> order(@PathParam("orderId") String orderId) {
    String seller = caller.sellerId();
    String id = Params.text("orderId", orderId);
    return pool.withConnection(sql -> orders.order(sql, seller, id).chain(o -> orders.commission(sql, seller, id).map(c -> {
      if (o == null) {
        throw ApiException.notFound("order " + orderId);
      }
      long window = config.window().length().toSeconds();
      String explanation = o.attributed()
          ? "last click: the most recent counted click " + ("CLICK_ID".equals(o.matchedBy()) ? "the order names" : "of the order's device")
              + " within " + window + " s before the order (at least " + config.window().minClickToOrder().toSeconds() + " s before it)"
          : "no counted click of the order's device (or the click it names) within " + window + " s before the order";
      return new OrderAnswer(o.orderId(), o.attributed(), o.placedAt(), o.clickId(), o.codeId(), o.clickAt(), o.matchedBy(), o.windowSeconds(),
          AttributionRule.RULE, explanation, CommissionAnswer.of(c));
    })));
  }

  @GET
  @Path("commissions")
  @Operation(summary = "ATR-7: the seller's commissions, newest first")
  @APIResponse(responseCode = "200", description = "a page of commissions")
  @APIResponse(responseCode = "422", description = "status, page or size out of range (ERR_VALIDATION)")
  public Uni<List<CommissionAnswer>> commissions(@QueryParam("status") String status, @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return commissions.list(caller.sellerId(), status(status), Params.page(page), Params.size(size, config.api().maxPageSize()))
        .map(l -> l.stream().map(CommissionAnswer::of).toList());
  }

  static String status(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (!List.of("PENDING", "LOCKED", "PAID", "REVERSED").contains(raw)) {
      throw ApiException.invalid(List.of(new FieldError("status", "ERR_PARAM_CHOICE", "one of PENDING, LOCKED, PAID, REVERSED")));
    }
    return raw;
  }
}
