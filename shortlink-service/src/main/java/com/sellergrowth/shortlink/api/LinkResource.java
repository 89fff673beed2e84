package com.sellergrowth.shortlink.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.shortlink.config.ShortlinkConfig;
import com.sellergrowth.shortlink.persistence.ClickStore;
import com.sellergrowth.shortlink.persistence.LinkRepository;
import com.sellergrowth.shortlink.service.LinkService;
import com.sellergrowth.shortlink.service.QrCodes;
import com.sellergrowth.support.http.Params;
import com.sellergrowth.support.idempotency.IdempotencyKeys;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.security.Caller;
import com.sellergrowth.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seller's link API (SHL-1, 3, 4, 6, 7, 8). The seller is the token's subject: another seller's link answers 404. */
@Path("/v1/links")
@RolesAllowed(Roles.SELLER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "links (seller)")
public class LinkResource {
  private static final ObjectMapper JSON = EventSerde.mapper();
  private static final Duration DEFAULT_STATS_RANGE = Duration.ofDays(7);
  private static final Duration MAX_STATS_RANGE = Duration.ofDays(93);

  private final LinkService links;
  private final LinkRepository repository;
  private final ClickStore clickStore;
  private final Caller caller;
  private final Clock clock;
  private final ShortlinkConfig config;

  public LinkResource(LinkService links, LinkRepository repository, ClickStore clickStore, Caller caller, Clock clock, ShortlinkConfig config) {
    this.links = links;
    this.repository = repository;
    this.clickStore = clickStore;
    this.caller = caller;
    this.clock = clock;
    this.config = config;
  }

  /** Creates a link; a retry with the same {@code Idempotency-Key} returns the same link (201 both times). */
  @POST
  @Operation(summary = "Creates a short link (SHL-1..4); a retry with the same Idempotency-Key answers the same link")
  @APIResponse(responseCode = "201", description = "the link, with its Location")
  @APIResponse(responseCode = "400", description = "malformed JSON (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "403", description = "not a seller's token, or the seller is not eligible (ERR_SELLER_NOT_ELIGIBLE)")
  @APIResponse(responseCode = "409", description = "the alias is taken (ERR_ALIAS_TAKEN)")
  @APIResponse(responseCode = "422", description = "every field error at once: a target off the marketplace's hosts, UTM fields, alias, expiry (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<Response> create(CreateLinkRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    if (request == null) {
      throw malformed();
    }
    String key = blankToNull(idempotencyKey);
    return links.create(caller.sellerId(), request.toDraft(), key, key == null ? null : hash(request))
        .map(l -> Response.created(URI.create("/v1/links/" + l.code)).entity(LinkResponse.of(l, config.baseUrl())).build());
  }

  /** SHL-7: creates up to 500 links; 200 with one result per item (CREATED or REJECTED with its reasons). */
  @POST
  @Path("batch")
  @Operation(summary = "Creates up to 500 links at once (SHL-7), one result per row")
  @APIResponse(responseCode = "200", description = "one result per row: created or refused with its reasons")
  @APIResponse(responseCode = "400", description = "malformed JSON (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "403", description = "not a seller's token, or the seller is not eligible (ERR_SELLER_NOT_ELIGIBLE)")
  @APIResponse(responseCode = "422", description = "no rows, more than 500, or a row that is not an object (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<Response> createBatch(BatchRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    if (request == null || request.links() == null) {
      throw malformed();
    }
    int max = config.api().maxBatch();
    if (request.links().isEmpty() || request.links().size() > max) {
      throw ApiException.invalid(List.of(new FieldError("links", "ERR_BATCH_SIZE", "1 to " + max + " links per request")));
    }
    if (request.links().stream().anyMatch(java.util.Objects::isNull)) {
      throw ApiException.invalid(List.of(new FieldError("links", "ERR_BATCH_ITEM", "an item is null")));
    }
    String baseUrl = config.baseUrl();
    String key = blankToNull(idempotencyKey);
    return links.createBatch(caller.sellerId(), request.links().stream().map(CreateLinkRequest::toDraft).toList(),
            key, key == null ? null : hash(request), results -> {
              List<BatchResponse.Item> items = new ArrayList<>();
              int created = 0;
              for (int i = 0; i < results.size(); i++) {
                LinkService.ItemResult r = results.get(i);
                if (r.link() != null) {
                  created++;
                  items.add(new BatchResponse.Item(i, "CREATED", LinkResponse.of(r.link(), baseUrl), List.of()));
                } else {
                  items.add(new BatchResponse.Item(i, "REJECTED", null, r.errors()));
                }
              }
              return write(new BatchResponse(created, results.size() - created, items));
            })
        .map(body -> Response.ok(body, MediaType.APPLICATION_JSON).build());
  }

  @GET
  @WithSession
  @Operation(summary = "The seller's links, newest first, by channel and campaign")
  @APIResponse(responseCode = "200", description = "a page of links")
  @APIResponse(responseCode = "422", description = "a filter or page out of range (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<List<LinkResponse>> list(@QueryParam("channel") String channel, @QueryParam("campaign") String campaign,
      @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
    int pageSize = Math.min(Math.max(size, 1), config.api().maxPageSize());
    if (page < 0 || page > Params.MAX_PAGE) { // past it, page x size overflows the offset (issue 15)
      throw ApiException.invalid(List.of(new FieldError("page", "ERR_PARAM_RANGE", "a whole number from 0 to " + Params.MAX_PAGE)));
    }
    return repository.listOwned(caller.sellerId(), channel, campaign, page, pageSize)
        .map(list -> list.stream().map(l -> LinkResponse.of(l, config.baseUrl())).toList());
  }

  @GET
  @Path("{code}")
  @WithSession
  @Operation(summary = "One link of the seller")
  @APIResponse(responseCode = "200", description = "the link")
  @APIResponse(responseCode = "404", description = "no such link of this seller, or deleted (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<LinkResponse> get(@PathParam("code") String code) {
    return links.owned(code, caller.sellerId()).map(l -> LinkResponse.of(l, config.baseUrl()));
  }

  /** SHL-8: changes the target; the code, stats and history stay. */
  @PUT
  @Path("{code}/target")
  @Operation(summary = "Points a link at a new target (SHL-8): the code, stats and history stay")
  @APIResponse(responseCode = "200", description = "the link as it is now")
  @APIResponse(responseCode = "400", description = "malformed JSON (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "403", description = "not a seller's token, or the seller is not eligible (ERR_SELLER_NOT_ELIGIBLE)")
  @APIResponse(responseCode = "404", description = "no such link of this seller, or deleted (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "changed or deleted meanwhile (ERR_CONCURRENT_UPDATE)")
  @APIResponse(responseCode = "422", description = "a target off the marketplace's hosts or otherwise invalid (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<LinkResponse> changeTarget(@PathParam("code") String code, ChangeTargetRequest request) {
    if (request == null) {
      throw malformed();
    }
    return links.changeTarget(caller.sellerId(), code, request.target(), request.mobileTarget(), request.sku())
        .map(l -> LinkResponse.of(l, config.baseUrl()));
  }

  @GET
  @Path("{code}/history")
  @WithSession
  @Operation(summary = "The targets a link has pointed at, by version (SHL-8)")
  @APIResponse(responseCode = "200", description = "the versions")
  @APIResponse(responseCode = "404", description = "no such link of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<HistoryResponse> history(@PathParam("code") String code) {
    return links.owned(code, caller.sellerId()).chain(l -> repository.historyOf(code)).map(v -> new HistoryResponse(code, v));
  }

  /** SHL-5: the code answers 404 from now on. */
  @DELETE
  @Path("{code}")
  @Operation(summary = "Deletes a link (SHL-5): its code answers 404 from now on and is never given out again")
  @APIResponse(responseCode = "204", description = "deleted (again: nothing changes)")
  @APIResponse(responseCode = "404", description = "no such link of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "changed meanwhile (ERR_CONCURRENT_UPDATE)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<Response> delete(@PathParam("code") String code) {
    return links.delete(caller.sellerId(), code).map(v -> Response.noContent().build());
  }

  /** SHL-6: figures per hour over {@code [from, to)} (ISO instants; default: the 7 days up to the end of the current hour). */
  @GET
  @Path("{code}/stats")
  @WithSession
  @Operation(summary = "Valid clicks, UV and their breakdowns over a period (SHL-6)")
  @APIResponse(responseCode = "200", description = "the figures")
  @APIResponse(responseCode = "404", description = "no such link of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "422", description = "from or to is not a date, or out of order (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<StatsResponse> stats(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
    Instant end = to == null ? clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1)) : instant(to, "to");
    Instant start = from == null ? end.minus(DEFAULT_STATS_RANGE) : instant(from, "from");
    if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_STATS_RANGE) > 0) {
      throw ApiException.invalid(List.of(new FieldError("from", "ERR_RANGE", "from must be before to, at most 93 days apart")));
    }
    return links.owned(code, caller.sellerId()).chain(l -> clickStore.stats(code, start, end))
        .map(s -> new StatsResponse(code, start, end, s.pv(), s.uv(), s.bots(), s.invalid(), s.hours(), s.countries(), s.devices(),
            s.botReasons()));
  }

  /** The link's QR code as PNG ({@code size} pixels, 64 to 2048). */
  @GET
  @Path("{code}/qr.png")
  @Produces("image/png")
  @Operation(summary = "The link's QR code as PNG")
  @APIResponse(responseCode = "200", description = "the image")
  @APIResponse(responseCode = "404", description = "no such link of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "422", description = "size outside 64 to 2048 pixels (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<byte[]> qrPng(@PathParam("code") String code, @QueryParam("size") @DefaultValue("512") int size) {
    if (size < 64 || size > 2048) {
      throw ApiException.invalid(List.of(new FieldError("size", "ERR_QR_SIZE", "64 to 2048 pixels")));
    }
    String sellerId = caller.sellerId();
    // the session closes before the image is drawn on a worker thread
    return Panache.withSession(() -> links.owned(code, sellerId)).map(l -> config.baseUrl() + l.code)
        .emitOn(Infrastructure.getDefaultWorkerPool()).map(url -> QrCodes.png(url, size));
  }

  /** The link's QR code as SVG (scalable). */
  @GET
  @Path("{code}/qr.svg")
  @Produces("image/svg+xml")
  @WithSession
  @Operation(summary = "The link's QR code as SVG")
  @APIResponse(responseCode = "200", description = "the image")
  @APIResponse(responseCode = "404", description = "no such link of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "403", description = "not a seller's token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<String> qrSvg(@PathParam("code") String code) {
    return links.owned(code, caller.sellerId()).map(l -> QrCodes.svg(config.baseUrl() + l.code));
  }

  private static Instant instant(String text, String field) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(List.of(new FieldError(field, "ERR_INSTANT", "an ISO-8601 instant such as 2026-11-25T12:00:00Z")));
    }
  }

  private static ApiException malformed() {
    return new ApiException(400, "ERR_MALFORMED_BODY", "Malformed request body", "a JSON body is required");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String hash(Object request) {
    return IdempotencyKeys.hash(write(request));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
