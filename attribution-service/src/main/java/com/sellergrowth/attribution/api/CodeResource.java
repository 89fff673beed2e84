package com.sellergrowth.attribution.api;

import com.sellergrowth.attribution.config.AttributionConfig;
import com.sellergrowth.attribution.domain.CodeStatus;
import com.sellergrowth.attribution.persistence.CodeStore;
import com.sellergrowth.attribution.service.CodeService;
import com.sellergrowth.attribution.service.Enrolment;
import com.sellergrowth.support.http.Params;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.security.Caller;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seller's marketing codes (ATR-1..4). The seller is the token's subject: another seller's code answers 404. */
@Path("/v1")
@RolesAllowed(Roles.SELLER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "marketing codes (seller)")
@APIResponse(responseCode = "401", description = "no valid token (problem+json ERR_UNAUTHENTICATED)")
@APIResponse(responseCode = "403", description = "not a seller token (problem+json ERR_FORBIDDEN)")
public class CodeResource {
  private final CodeService codes;
  private final CodeStore store;
  private final Enrolment enrolment;
  private final Caller caller;
  private final AttributionConfig config;

  public CodeResource(CodeService codes, CodeStore store, Enrolment enrolment, Caller caller, AttributionConfig config) {
    this.codes = codes;
    this.store = store;
    this.enrolment = enrolment;
    this.caller = caller;
    this.config = config;
  }

  @GET
  @Path("affiliate/enrolment")
  @Operation(summary = "ATR-2: whether the seller may create codes, and every reason not")
  @APIResponse(responseCode = "200", description = "the seller's enrolment")
  public Uni<Enrolment.Status> enrolment() {
    return enrolment.status(caller.sellerId());
  }

  @POST
  @Path("codes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Creates a marketing code with its signed link (ATR-1, ATR-3)")
  @APIResponse(responseCode = "201", description = "created")
  @APIResponse(responseCode = "400", description = "malformed JSON (problem+json ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "403", description = "not enrolled in the affiliate programme (problem+json ERR_403 with the reasons)")
  @APIResponse(responseCode = "409", description = "an active code with the same parameters exists (ERR_CODE_EXISTS)")
  @APIResponse(responseCode = "422", description = "every field error at once (ERR_VALIDATION)")
  public Uni<Response> create(CodeRequests.CreateCode request) {
    if (request == null) {
      throw new ApiException(400, "ERR_MALFORMED_BODY", "Malformed request body", "a JSON body is required");
    }
    return codes.create(caller.sellerId(), request.toDraft())
        .map(c -> Response.created(URI.create("/v1/codes/" + c.id())).entity(CodeResponse.of(c)).build());
  }

  @GET
  @Path("codes")
  @Operation(summary = "The seller's codes, newest first")
  @APIResponse(responseCode = "200", description = "a page of codes")
  @APIResponse(responseCode = "422", description = "a page, size or status out of range (ERR_VALIDATION)")
  public Uni<List<CodeResponse>> list(@QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
    CodeStatus s = Params.choice("status", status, CodeStatus.class, null);
    return store.listOwned(caller.sellerId(), s, Params.page(page), Params.size(size, config.api().maxPageSize()))
        .map(list -> list.stream().map(CodeResponse::of).toList());
  }

  @GET
  @Path("codes/{id}")
  @Operation(summary = "One of the seller's codes")
  @APIResponse(responseCode = "200", description = "the code")
  @APIResponse(responseCode = "404", description = "no such code of this seller (ERR_NOT_FOUND)")
  public Uni<CodeResponse> get(@PathParam("id") String id) {
    return store.findOwned(caller.sellerId(), Params.uuid("code", id)).map(c -> {
      if (c == null) {
        throw ApiException.notFound("code " + id);
      }
      return CodeResponse.of(c);
    });
  }

  @POST
  @Path("codes/{id}/archive")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Archives a code at the version read: its later clicks count as ARCHIVED")
  @APIResponse(responseCode = "200", description = "the archived code")
  @APIResponse(responseCode = "404", description = "no such code of this seller (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "the code changed meanwhile (ERR_CONCURRENT_UPDATE) or is archived (ERR_CODE_ARCHIVED)")
  @APIResponse(responseCode = "422", description = "no version (ERR_VALIDATION)")
  public Uni<CodeResponse> archive(@PathParam("id") String id, CodeRequests.Versioned request) {
    if (request == null || request.version() == null || request.version() < 1) {
      throw ApiException.invalid(List.of(new FieldError("version", "ERR_VERSION_REQUIRED", "the version you read (a positive number)")));
    }
    return codes.archive(caller.sellerId(), Params.uuid("code", id), request.version()).map(CodeResponse::of);
  }

  @POST
  @Path("codes/import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(summary = "ATR-4: imports up to 500 codes from CSV; a result per row; dryRun=true checks without creating")
  @APIResponse(responseCode = "200", description = "one result per row: CREATED, EXISTING, VALID (dry run) or REJECTED with reasons")
  @APIResponse(responseCode = "403", description = "not enrolled in the affiliate programme (ERR_403)")
  @APIResponse(responseCode = "413", description = "the body is over the size limit")
  @APIResponse(responseCode = "422", description = "the file as a whole cannot be read (ERR_CSV with every reason; nothing imported)")
  public Uni<CodeService.ImportResult> importCsv(byte[] body, @QueryParam("dryRun") String dryRun) {
    boolean dry = Params.choice("dryRun", dryRun, Flag.class, Flag.FALSE) == Flag.TRUE;
    return codes.importCsv(caller.sellerId(), body == null ? new byte[0] : body, dry);
  }

  /** A boolean query parameter, strictly true or false. */
  enum Flag {
    TRUE, FALSE
  }
}
