package com.sellergrowth.gift.api;

import com.sellergrowth.gift.config.GiftConfig;
import com.sellergrowth.gift.domain.PhotoRole;
import com.sellergrowth.gift.domain.Tariff;
import com.sellergrowth.gift.service.GiftService;
import com.sellergrowth.gift.service.RuleService;
import com.sellergrowth.gift.service.SellerService;
import com.sellergrowth.gift.service.StockService;
import com.sellergrowth.gift.service.Tariffs;
import com.sellergrowth.support.http.Params;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.security.Caller;
import com.sellergrowth.support.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A seller's gift feature: standing (GFT-1, GFT-9), gift SKUs and their photos and review (GFT-2), stock transfers into the gift
 * warehouse (GFT-4), trigger rules (GFT-3) and the fee quote (GFT-5, GFT-6). The seller is the token's subject: another seller's
 * gift answers 404.
 */
@Path("/v1")
@RolesAllowed(Roles.SELLER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "gifts (seller)")
@APIResponse(responseCode = "401", description = "no valid token (problem+json ERR_UNAUTHENTICATED)")
@APIResponse(responseCode = "403", description = "not a seller token (problem+json ERR_FORBIDDEN)")
@APIResponse(responseCode = "503", description = "a dependency is unavailable; nothing changed (ERR_UNAVAILABLE, Retry-After)")
public class GiftResource {
  private static final Pattern TRANSFER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern WEIGHT = Pattern.compile("[1-9][0-9]{0,2}|1[0-9]{3}|2000");
  private final GiftService gifts;
  private final StockService stock;
  private final RuleService rules;
  private final SellerService sellers;
  private final Tariff tariff;
  private final Caller caller;
  private final GiftConfig config;

  public GiftResource(GiftService gifts, StockService stock, RuleService rules, SellerService sellers, Tariffs tariffs, Caller caller,
      GiftConfig config) {
    this.gifts = gifts;
    this.stock = stock;
    this.rules = rules;
    this.sellers = sellers;
    this.tariff = tariffs.tariff();
    this.caller = caller;
    this.config = config;
  }

  @GET
  @Path("gift-feature")
  @Operation(summary = "GFT-1, GFT-9: whether the seller may use gifts (every unmet condition with its value and bar) and any freeze")
  @APIResponse(responseCode = "200", description = "the seller's standing")
  public Uni<SellerService.Standing> standing() {
    return sellers.standing(caller.sellerId());
  }

  @POST
  @Path("gifts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "GFT-2: declares a gift SKU (a DRAFT); photos and submission follow")
  @APIResponse(responseCode = "201", description = "the DRAFT gift")
  @APIResponse(responseCode = "400", description = "malformed JSON, a wrong type, a fraction or an out-of-range number (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "403", description = "the seller does not meet GFT-1 (ERR_GFT_NOT_ELIGIBLE with every unmet condition)")
  @APIResponse(responseCode = "422", description = "every field error at once (ERR_VALIDATION)")
  public Uni<Response> create(GiftRequests.GiftBody body) {
    Check.body(body);
    Check c = new Check();
    if (body.version() != null) {
      c.add("version", "ERR_UNEXPECTED", "a new gift has no version");
    }
    return gifts.create(caller.sellerId(), body.toDraft(c))
        .map(v -> Response.created(URI.create("/v1/gifts/" + v.gift().id())).entity(Answers.Gift.of(v)).build());
  }

  @GET
  @Path("gifts")
  @Operation(summary = "The seller's gifts, newest first")
  @APIResponse(responseCode = "200", description = "a page of gifts")
  @APIResponse(responseCode = "422", description = "status, page or size out of range (ERR_VALIDATION)")
  public Uni<List<Answers.Gift>> list(@QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
    GiftStatus s = Params.choice("status", status, GiftStatus.class, null);
    return gifts.list(caller.sellerId(), s == null ? null : s.name(), Params.page(page), Params.size(size, config.api().maxPageSize()))
        .map(l -> l.stream().map(Answers.Gift::summary).toList());
  }

  @GET
  @Path("gifts/{id}")
  @Operation(summary = "One of the seller's gifts with its photos, stock, review state, reasons and history")
  @APIResponse(responseCode = "200", description = "the gift")
  @APIResponse(responseCode = "404", description = "no such gift of this seller (ERR_NOT_FOUND)")
  public Uni<Answers.Gift> get(@PathParam("id") String id) {
    return gifts.get(caller.sellerId(), Params.uuid("gift", id)).map(Answers.Gift::of);
  }

  @PUT
  @Path("gifts/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Edits a DRAFT or REJECTED gift at the version read; it becomes a DRAFT to submit again")
  @APIResponse(responseCode = "200", description = "the edited gift")
  @APIResponse(responseCode = "400", description = "malformed JSON (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "404", description = "no such gift of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "changed meanwhile (ERR_CONCURRENT_UPDATE) or not editable (ERR_GIFT_STATE)")
  @APIResponse(responseCode = "422", description = "every field error at once (ERR_VALIDATION)")
  public Uni<Answers.Gift> update(@PathParam("id") String id, GiftRequests.GiftBody body) {
    Check.body(body);
    UUID giftId = Params.uuid("gift", id);
    Check c = new Check();
    int version = c.version("version", body.version());
    return gifts.update(caller.sellerId(), giftId, version, body.toDraft(c)).map(Answers.Gift::of);
  }

  @POST
  @Path("gifts/{id}/photos")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Blocking
  @Operation(summary = "GFT-2: uploads a photo (PNG or JPEG, judged on its bytes: type, size, pixels, integrity; stored with its SHA-256)")
  @APIResponse(responseCode = "201", description = "the stored photo (the same bytes again answer the stored one)")
  @APIResponse(responseCode = "404", description = "no such gift of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "the gift is not editable (ERR_GIFT_STATE)")
  @APIResponse(responseCode = "413", description = "the body is over the size limit")
  @APIResponse(responseCode = "422", description = "no file, an unknown role, not an image, too large, too many or too few pixels, damaged")
  public Uni<Response> addPhoto(@PathParam("id") String id, @RestForm("file") FileUpload file, @RestForm("role") String role) {
    UUID giftId = Params.uuid("gift", id);
    Check c = new Check();
    PhotoRole r = c.choice("role", role, PhotoRole.class);
    if (file == null || file.uploadedFile() == null) {
      c.add("file", "ERR_REQUIRED", "a multipart part named file with the image");
    }
    c.done();
    byte[] bytes;
    try {
      if (Files.size(file.uploadedFile()) > config.photos().maxBytes()) {
        throw ApiException.invalid(List.of(new FieldError("file", "ERR_PHOTO_TOO_LARGE", "at most " + config.photos().maxBytes() + " bytes")));
      }
      bytes = Files.readAllBytes(file.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return gifts.addPhoto(caller.sellerId(), giftId, r, bytes)
        .map(p -> Response.status(201).entity(p).build());
  }

  @GET
  @Path("gifts/{id}/photos/{photoId}")
  @Produces({"image/png", "image/jpeg", "application/problem+json"})
  @Operation(summary = "A photo of the seller's gift, as uploaded")
  @APIResponse(responseCode = "200", description = "the image")
  @APIResponse(responseCode = "404", description = "no such gift of this seller, or no such photo (ERR_NOT_FOUND)")
  public Uni<Response> photo(@PathParam("id") String id, @PathParam("photoId") String photoId) {
    return gifts.photo(caller.sellerId(), Params.uuid("gift", id), Params.uuid("photo", photoId))
        .map(p -> Response.ok(p.data(), p.contentType()).header("X-Content-Type-Options", "nosniff")
            .header("Cache-Control", "private, max-age=300").build());
  }

  @jakarta.ws.rs.DELETE
  @Path("gifts/{id}/photos/{photoId}")
  @Operation(summary = "Removes a photo of a DRAFT or REJECTED gift")
  @APIResponse(responseCode = "204", description = "removed")
  @APIResponse(responseCode = "404", description = "no such gift of this seller, or no such photo (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "the gift is not editable (ERR_GIFT_STATE)")
  public Uni<Response> deletePhoto(@PathParam("id") String id, @PathParam("photoId") String photoId) {
    return gifts.deletePhoto(caller.sellerId(), Params.uuid("gift", id), Params.uuid("photo", photoId)).map(v -> Response.noContent().build());
  }

  @POST
  @Path("gifts/{id}/submit")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "GFT-2: submits the gift at the version read; the automatic checks decide REJECTED (every reason) or IN_REVIEW")
  @APIResponse(responseCode = "200", description = "the gift IN_REVIEW, or REJECTED with its reason codes")
  @APIResponse(responseCode = "404", description = "no such gift of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "changed meanwhile (ERR_CONCURRENT_UPDATE) or not submittable (ERR_GIFT_STATE)")
  @APIResponse(responseCode = "422", description = "no version (ERR_VALIDATION)")
  public Uni<Answers.Gift> submit(@PathParam("id") String id, GiftRequests.Versioned body) {
    UUID giftId = Params.uuid("gift", id);
    return gifts.submit(caller.sellerId(), giftId, Check.version(body == null ? null : body.version())).map(Answers.Gift::of);
  }

  @POST
  @Path("gifts/{id}/transfers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "GFT-4: moves units of an approved gift into the gift warehouse; the same transfer id again counts once")
  @APIResponse(responseCode = "201", description = "transferred")
  @APIResponse(responseCode = "200", description = "a retry of a transfer already made: nothing moved again")
  @APIResponse(responseCode = "404", description = "no such gift of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "the gift is not APPROVED (ERR_GIFT_STATE) or the transfer id was used for another transfer")
  @APIResponse(responseCode = "422", description = "every field error at once (ERR_VALIDATION), or the warehouse limit (ERR_STOCK_LIMIT)")
  public Uni<Response> transfer(@PathParam("id") String id, GiftRequests.Transfer body) {
    UUID giftId = Params.uuid("gift", id);
    Check.body(body);
    Check c = new Check();
    String transferId = c.matching("transferId", body.transferId(), TRANSFER_ID, "your transfer's id: 1 to 64 of A-Z a-z 0-9 . _ : -");
    long quantity = c.range("quantity", body.quantity(), 1, 1_000_000);
    c.done();
    return stock.transferIn(caller.sellerId(), giftId, transferId, quantity)
        .map(t -> Response.status(t.applied() ? 201 : 200).entity(Answers.Transfer.of(t)).build());
  }

  @POST
  @Path("gift-rules")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "GFT-3: a trigger rule: orders of at least the threshold (minor units, same currency), optional categories and "
      + "countries, priority (1 first)")
  @APIResponse(responseCode = "201", description = "the rule")
  @APIResponse(responseCode = "404", description = "no such gift of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "the gift is not APPROVED (ERR_GIFT_STATE)")
  @APIResponse(responseCode = "422", description = "every field error at once; a cash-on-delivery country (ERR_COD_COUNTRY, GFT-6)")
  public Uni<Response> createRule(GiftRequests.Rule body) {
    Check.body(body);
    Check c = new Check();
    UUID giftId = null;
    try {
      giftId = body.giftId() != null && body.giftId().length() == 36 ? UUID.fromString(body.giftId()) : null;
    } catch (IllegalArgumentException e) {
      giftId = null;
    }
    if (giftId == null) {
      c.add("giftId", "ERR_FORMAT", "the id of one of your approved gifts");
    }
    long threshold = c.range("thresholdMinor", body.thresholdMinor(), 1, 1_000_000_000_000L);
    String currency = c.matching("currency", body.currency(), Check.CURRENCY, "an ISO 4217 code such as USD");
    if (currency != null && java.util.Currency.getAvailableCurrencies().stream().noneMatch(x -> x.getCurrencyCode().equals(currency))) {
      c.add("currency", "ERR_CURRENCY", currency + " is not an ISO 4217 currency");
    }
    var categories = c.list("categories", body.categories(), 50, Check.KEY, "a category id");
    var countries = c.list("countries", body.countries(), 250, Check.COUNTRY, "an ISO 3166 alpha-2 code such as BR");
    long priority = c.range("priority", body.priority(), 1, 1000);
    for (String country : countries) {
      if (tariff.isCod(country)) {
        c.add("countries", "ERR_COD_COUNTRY", country + " is a cash-on-delivery country: gifts are not sent there (GFT-6)");
      }
    }
    c.done();
    return rules.create(caller.sellerId(), giftId, threshold, currency, categories, countries, (int) priority)
        .map(r -> Response.created(URI.create("/v1/gift-rules/" + r.rule().id())).entity(Answers.Rule.of(r)).build());
  }

  @GET
  @Path("gift-rules")
  @Operation(summary = "The seller's trigger rules, active first, by priority")
  @APIResponse(responseCode = "200", description = "a page of rules")
  @APIResponse(responseCode = "422", description = "page or size out of range (ERR_VALIDATION)")
  public Uni<List<Answers.Rule>> listRules(@QueryParam("page") String page, @QueryParam("size") String size) {
    return rules.list(caller.sellerId(), Params.page(page), Params.size(size, config.api().maxPageSize()))
        .map(l -> l.stream().map(Answers.Rule::of).toList());
  }

  @POST
  @Path("gift-rules/{id}/deactivate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Deactivates a rule at the version read")
  @APIResponse(responseCode = "200", description = "the inactive rule")
  @APIResponse(responseCode = "404", description = "no such rule of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "changed meanwhile (ERR_CONCURRENT_UPDATE) or already inactive (ERR_RULE_INACTIVE)")
  @APIResponse(responseCode = "422", description = "no version (ERR_VALIDATION)")
  public Uni<Answers.Rule> deactivate(@PathParam("id") String id, GiftRequests.Versioned body) {
    UUID ruleId = Params.uuid("rule", id);
    return rules.deactivate(caller.sellerId(), ruleId, Check.version(body == null ? null : body.version())).map(Answers.Rule::of);
  }

  @GET
  @Path("gift-fees/quote")
  @Operation(summary = "GFT-5: the itemised fee of one gift dispatch in CNY minor units (base by market, over 50 g, Brazil without NFe)")
  @APIResponse(responseCode = "200", description = "the quote, line by line")
  @APIResponse(responseCode = "422", description = "a bad parameter, or a cash-on-delivery country (ERR_COD_COUNTRY, GFT-6)")
  public Tariff.Quote quote(@QueryParam("country") String country, @QueryParam("weightGrams") String weightGrams, @QueryParam("nfe") String nfe) {
    caller.sellerId();
    Check c = new Check();
    String cc = c.matching("country", country, Check.COUNTRY, "an ISO 3166 alpha-2 code such as BR");
    String w = c.matching("weightGrams", weightGrams, WEIGHT, "a whole number of grams from 1 to 2000");
    Flag flag = nfe == null ? Flag.FALSE : c.choice("nfe", nfe.toUpperCase(java.util.Locale.ROOT), Flag.class);
    c.done();
    int weight = Integer.parseInt(w);
    boolean hasNfe = flag == Flag.TRUE;
    try {
      return tariff.quote(cc, weight, hasNfe);
    } catch (Tariff.CodCountry e) {
      throw new ApiException(422, "ERR_COD_COUNTRY", "Country not served", e.getMessage(),
          List.of(new FieldError("country", "ERR_COD_COUNTRY", e.getMessage())));
    }
  }

  /** A gift's review state. */
  enum GiftStatus {
    DRAFT, IN_REVIEW, APPROVED, REJECTED
  }

  /** A boolean query parameter, strictly true or false. */
  enum Flag {
    TRUE, FALSE
  }
}
