package com.sellergrowth.coupon.api;

import com.sellergrowth.coupon.config.CouponConfig;
import com.sellergrowth.coupon.domain.MoneyBounds;
import com.sellergrowth.coupon.domain.OrderLineView;
import com.sellergrowth.coupon.domain.QuoteCandidate;
import com.sellergrowth.coupon.domain.RefusalCode;
import com.sellergrowth.coupon.service.ClaimService;
import com.sellergrowth.coupon.service.QuoteService;
import com.sellergrowth.support.http.IpLiterals;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.ratelimit.FixedWindowRateLimiter;
import com.sellergrowth.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The storefront's API (the storefront service's token, acting for a buyer). A refusal is problem+json whose {@code code} is
 * the detailed refusal code and whose {@code publicCode}/{@code publicMessage} are safe to show the buyer.
 */
@Path("/v1/storefront")
@RolesAllowed(Roles.STOREFRONT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "storefront")
public class StorefrontResource {
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final ClaimService claims;
  private final QuoteService quotes;
  private final FixedWindowRateLimiter claimLimiter;

  public StorefrontResource(ClaimService claims, QuoteService quotes, CouponConfig config, Clock clock) {
    this.claims = claims;
    this.quotes = quotes;
    this.claimLimiter = new FixedWindowRateLimiter(config.claims().rateLimitPerIp(), config.claims().rateLimitWindow(), 100_000, clock);
  }

  /** A buyer's claim: who, from which country, IP and device. */
  public record ClaimCouponRequest(String buyerId, String buyerCountry, String ip, String deviceId) {
  }

  @POST
  @Path("coupons/{id}/claims")
  @Operation(summary = "Claims a coupon for a buyer (CPN-3, 7, 8, 9, 12, 17); a retry with the same Idempotency-Key answers the same")
  @APIResponse(responseCode = "201", description = "the claim")
  @APIResponse(responseCode = "400", description = "malformed JSON (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "403", description = "not the storefront's token")
  @APIResponse(responseCode = "404", description = "no such coupon, or a draft (ERR_COUPON_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "refused with its code (ERR_SOLD_OUT, ERR_CLAIM_LIMIT, ERR_COUPON_REGION, ERR_BUYER_DISPUTES, ERR_BUDGET_EXHAUSTED, ERR_STOCK_SYNC_FAIL, ERR_COUPON_PAUSED, ERR_COUPON_ENDED, ERR_COUPON_EXPIRED, ERR_COUPON_NOT_STARTED, ERR_NOT_FIRST_ORDER) and a buyer-safe publicCode")
  @APIResponse(responseCode = "422", description = "every field error at once: buyerId, buyerCountry, ip, deviceId (ERR_VALIDATION), or the Idempotency-Key was used with another request (ERR_IDEMPOTENCY_KEY_REUSED)")
  @APIResponse(responseCode = "429", description = "too many claims from this address (ERR_RATE_LIMITED, Retry-After)")
  @APIResponse(responseCode = "503", description = "PostgreSQL or Redis unavailable: nothing kept, the buyer holds no reservation (ERR_UNAVAILABLE, Retry-After)")
  @APIResponse(responseCode = "401", description = "no valid token")
  public Uni<Response> claim(@PathParam("id") String couponId, ClaimCouponRequest r, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    List<FieldError> errors = new ArrayList<>();
    if (r == null || r.buyerId() == null || r.buyerId().isBlank()) {
      errors.add(new FieldError("buyerId", "ERR_REQUIRED", "a buyer identity is required"));
    } else if (r.buyerId().length() > 64) {
      errors.add(new FieldError("buyerId", "ERR_TOO_LONG", "buyerId has at most 64 characters"));
    } else if (r.buyerId().chars().anyMatch(Character::isISOControl)) { // issue 15 input 3: a NUL was a 500
      errors.add(new FieldError("buyerId", "ERR_CONTROL_CHARACTER", "buyerId has no control characters"));
    }
    if (r != null && r.ip() != null && !IpLiterals.isLiteral(r.ip())) {
      errors.add(new FieldError("ip", "ERR_NOT_AN_ADDRESS", "ip is an IPv4 or IPv6 address"));
    }
    if (r != null) {
      plainText("deviceId", r.deviceId(), errors);
    }
    if (r == null || r.buyerCountry() == null || !COUNTRIES.contains(r.buyerCountry())) {
      errors.add(new FieldError("buyerCountry", "ERR_UNKNOWN_COUNTRY", "buyerCountry is an ISO 3166-1 alpha-2 code"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    if (!claimLimiter.tryAcquire(r.ip() == null || r.ip().isBlank() ? "buyer:" + r.buyerId() : "ip:" + r.ip())) {
      throw new ApiException(429, "ERR_RATE_LIMITED", "Too many claims", "too many claims from this address; retry later")
          .withPublic("ERR_RATE_LIMITED", "Please try again in a minute.")
          .withHeader("Retry-After", Long.toString(claimLimiter.secondsToNextWindow()));
    }
    return claims.claim(CouponResource.uuid(couponId), new ClaimService.ClaimRequest(r.buyerId(), r.buyerCountry(), r.ip(), r.deviceId()),
            CouponResource.blankToNull(idempotencyKey))
        .map(outcome -> {
          if (outcome.refusal() != null) {
            RefusalCode code = outcome.refusal();
            throw new ApiException(code.httpStatus(), code.name(), "Claim refused", code.buyerMessage()).withPublic(code.buyerCode(),
                code.buyerMessage());
          }
          return Response.status(201).entity(ClaimResponse.of(outcome.claim())).build();
        });
  }

  /** An order draft for a quote. */
  public record QuoteRequest(String buyerId, String sellerId, String currency, List<Line> lines, String logisticsService,
      Boolean platformPromotionApplied) {
    /** One line: product attributes and price in minor units. */
    public record Line(String sku, String spuId, String categoryId, String brandId, Integer quantity, Long unitPriceMinor) {
    }
  }

  /** The best coupons for the draft and the reasons the buyer's other claims do not apply. */
  public record QuoteResponse(long orderAmountMinor, long totalDiscountMinor, long payableMinor, List<QuoteCandidate> coupons,
      Map<String, String> notApplicable) {
  }

  @POST
  @Path("checkout/quote")
  @Operation(summary = "The best coupon combination for an order draft and why the buyer's other claims do not apply (CPN-11..13)")
  @APIResponse(responseCode = "200", description = "the quote")
  @APIResponse(responseCode = "400", description = "malformed JSON (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "403", description = "not the storefront's token")
  @APIResponse(responseCode = "422", description = "every field error at once, amounts past 10^12, more than 500 lines or 100,000 units a line (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<QuoteResponse> quote(QuoteRequest r) {
    List<FieldError> errors = new ArrayList<>();
    if (r == null) {
      throw ApiException.invalid(List.of(new FieldError("", "ERR_REQUIRED", "a JSON body is required")));
    }
    if (r.buyerId() == null || r.buyerId().isBlank()) {
      errors.add(new FieldError("buyerId", "ERR_REQUIRED", "buyerId is required"));
    }
    if (r.sellerId() == null || r.sellerId().isBlank()) {
      errors.add(new FieldError("sellerId", "ERR_REQUIRED", "sellerId is required"));
    }
    // identifiers with a NUL or another control character match nothing: refused, not answered with an empty quote
    plainText("buyerId", r.buyerId(), errors);
    plainText("sellerId", r.sellerId(), errors);
    plainText("logisticsService", r.logisticsService(), errors);
    if (r.currency() == null || !r.currency().matches("[A-Z]{3}")) {
      errors.add(new FieldError("currency", "ERR_REQUIRED", "currency is an ISO 4217 code"));
    }
    if (r.lines() == null || r.lines().isEmpty()) {
      errors.add(new FieldError("lines", "ERR_REQUIRED", "at least one line is required"));
    } else if (r.lines().size() > MoneyBounds.MAX_LINES) {
      errors.add(new FieldError("lines", "ERR_OUT_OF_RANGE", "an order has at most " + MoneyBounds.MAX_LINES + " lines"));
    } else {
      long total = 0; // each line is at most 10^12 and there are at most 500: no overflow
      for (int i = 0; i < r.lines().size(); i++) {
        QuoteRequest.Line l = r.lines().get(i);
        if (l == null || l.spuId() == null || l.categoryId() == null) {
          errors.add(new FieldError("lines[" + i + "]", "ERR_REQUIRED", "spuId and categoryId are required"));
        } else if (!plainText("lines[" + i + "].spuId", l.spuId(), errors) | !plainText("lines[" + i + "].categoryId", l.categoryId(), errors)
            | !plainText("lines[" + i + "].brandId", l.brandId(), errors) | !plainText("lines[" + i + "].sku", l.sku(), errors)) {
          continue;
        } else if (l.quantity() == null || l.quantity() < 1 || l.quantity() > MoneyBounds.MAX_LINE_QUANTITY
            || l.unitPriceMinor() == null || !MoneyBounds.amount(l.unitPriceMinor())
            || !MoneyBounds.amount(l.unitPriceMinor() * l.quantity())) { // both factors bounded: the product fits a long
          errors.add(new FieldError("lines[" + i + "]", "ERR_OUT_OF_RANGE", "quantity is between 1 and " + MoneyBounds.MAX_LINE_QUANTITY
              + ", unitPriceMinor between 0 and " + MoneyBounds.MAX_AMOUNT_MINOR + ", and their product at most " + MoneyBounds.MAX_AMOUNT_MINOR));
        } else {
          total += l.unitPriceMinor() * l.quantity();
        }
      }
      if (total > MoneyBounds.MAX_AMOUNT_MINOR) {
        errors.add(new FieldError("lines", "ERR_OUT_OF_RANGE", "the order amount is at most " + MoneyBounds.MAX_AMOUNT_MINOR));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    List<OrderLineView> lines = r.lines().stream()
        .map(l -> new OrderLineView(l.spuId(), l.categoryId(), l.brandId(), l.quantity(), l.unitPriceMinor())).toList();
    return quotes.quote(new QuoteService.OrderDraft(r.buyerId(), r.sellerId(), r.currency(), lines, r.logisticsService(),
            Boolean.TRUE.equals(r.platformPromotionApplied())))
        .map(q -> new QuoteResponse(q.orderAmountMinor(), q.selection().totalDiscountMinor(),
            q.orderAmountMinor() - q.selection().totalDiscountMinor(), q.selection().coupons(),
            q.notApplicable().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name()))));
  }

  /** Text of an identifier: at most 128 characters and no control character; adds the error and answers false if not. */
  private static boolean plainText(String field, String value, List<FieldError> errors) {
    if (value != null && (value.length() > 128 || value.chars().anyMatch(Character::isISOControl))) {
      errors.add(new FieldError(field, "ERR_OUT_OF_RANGE", field + " has at most 128 characters and no control characters"));
      return false;
    }
    return true;
  }
}
