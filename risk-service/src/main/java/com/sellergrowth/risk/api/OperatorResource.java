package com.sellergrowth.risk.api;

import com.sellergrowth.risk.domain.Rule;
import com.sellergrowth.risk.service.DecisionService;
import com.sellergrowth.risk.service.DecisionView;
import com.sellergrowth.risk.service.RuleService;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators (RSK-7, RSK-8): list, inspect and release decisions (audited); change rules and run them in shadow mode. */
@Path("/v1/operator")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "risk (operator)")
public class OperatorResource {
  public record ReleaseRequest(String note) {
  }

  public record RuleChange(String mode, Map<String, String> thresholds, String note) {
  }

  public record ShadowChange(Map<String, String> thresholds, String note) {
  }

  private final DecisionService decisions;
  private final RuleService rules;
  private final JsonWebToken jwt;

  public OperatorResource(DecisionService decisions, RuleService rules, JsonWebToken jwt) {
    this.decisions = decisions;
    this.rules = rules;
    this.jwt = jwt;
  }

  @GET
  @Path("/decisions")
  @Operation(summary = "Decisions by rule, status, subject, newest first (RSK-7)")
  @APIResponse(responseCode = "200", description = "a page of decisions with evidence, thresholds and the report")
  @APIResponse(responseCode = "403", description = "not an operator's token")
  @APIResponse(responseCode = "422", description = "a filter or page out of range (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<List<DecisionView>> list(@QueryParam("rule") String rule, @QueryParam("status") String status,
      @QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId, @QueryParam("sellerId") String sellerId,
      @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
    Paging.check(page, size);
    return decisions.list(new DecisionService.Filter(rule, status, subjectType, subjectId, sellerId, true), page, size);
  }

  @GET
  @Path("/decisions/{id}")
  @Operation(summary = "One decision with its evidence, thresholds and diagnostic report (RSK-7)")
  @APIResponse(responseCode = "200", description = "the decision")
  @APIResponse(responseCode = "403", description = "not an operator's token")
  @APIResponse(responseCode = "404", description = "no such decision (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<DecisionView> get(@PathParam("id") String id) {
    return decisions.get(Paging.uuid(id)).map(d -> {
      if (d == null) {
        throw ApiException.notFound("decision");
      }
      return d;
    });
  }

  @POST
  @Path("/decisions/{id}/release")
  @Operation(summary = "Releases a decision with a note (audited): its action is undone and its evidence forgiven")
  @APIResponse(responseCode = "200", description = "the decision, RELEASED")
  @APIResponse(responseCode = "400", description = "malformed JSON (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "403", description = "not an operator's token")
  @APIResponse(responseCode = "404", description = "no such decision (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "409", description = "released or resolved already (ERR_DECISION_CLOSED)")
  @APIResponse(responseCode = "422", description = "no note (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<DecisionView> release(@PathParam("id") String id, ReleaseRequest body) {
    if (body == null || body.note() == null || body.note().isBlank()) {
      throw ApiException.invalid(List.of(new FieldError("note", "ERR_REQUIRED", "say why: the note goes into the audit log")));
    }
    return decisions.release(Paging.uuid(id), operator(), body.note());
  }

  @GET
  @Path("/audit")
  @Operation(summary = "The audit trail of operators' actions, of one decision or rule when a target is given")
  @APIResponse(responseCode = "200", description = "the entries")
  @APIResponse(responseCode = "403", description = "not an operator's token")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<List<DecisionService.AuditEntry>> audit(@QueryParam("target") String target) {
    return decisions.audit(target);
  }

  @GET
  @Path("/rules")
  @Operation(summary = "Every rule with its thresholds in force and its shadow candidate (RSK-8)")
  @APIResponse(responseCode = "200", description = "the rules")
  @APIResponse(responseCode = "403", description = "not an operator's token")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<List<RuleService.RuleView>> rules() {
    return rules.list();
  }

  @GET
  @Path("/rules/{rule}")
  @Operation(summary = "One rule with its thresholds in force (RSK-8)")
  @APIResponse(responseCode = "200", description = "the rule")
  @APIResponse(responseCode = "403", description = "not an operator's token")
  @APIResponse(responseCode = "404", description = "no such rule (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<RuleService.RuleView> rule(@PathParam("rule") String rule) {
    return rules.get(ruleOf(rule));
  }

  @PUT
  @Path("/rules/{rule}")
  @Operation(summary = "Changes a rule's thresholds at run time, validated and audited (RSK-8)")
  @APIResponse(responseCode = "200", description = "the rule as it is now")
  @APIResponse(responseCode = "400", description = "malformed JSON (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "403", description = "not an operator's token")
  @APIResponse(responseCode = "404", description = "no such rule (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "422", description = "every invalid threshold at once, or no note (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<RuleService.RuleView> change(@PathParam("rule") String rule, RuleChange body) {
    RuleChange b = body == null ? new RuleChange(null, null, null) : body;
    return rules.change(ruleOf(rule), b.mode(), b.thresholds(), operator(), b.note());
  }

  @PUT
  @Path("/rules/{rule}/shadow")
  @Operation(summary = "Runs a shadow candidate beside the rule: recorded, never enforced (RSK-8)")
  @APIResponse(responseCode = "200", description = "the rule with its candidate")
  @APIResponse(responseCode = "400", description = "malformed JSON (ERR_MALFORMED_BODY)")
  @APIResponse(responseCode = "403", description = "not an operator's token")
  @APIResponse(responseCode = "404", description = "no such rule (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "422", description = "every invalid threshold at once, or no note (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<RuleService.RuleView> shadow(@PathParam("rule") String rule, ShadowChange body) {
    ShadowChange b = body == null ? new ShadowChange(null, null) : body;
    return rules.shadow(ruleOf(rule), b.thresholds(), operator(), b.note());
  }

  @DELETE
  @Path("/rules/{rule}/shadow")
  @Operation(summary = "Stops a rule's shadow candidate (audited)")
  @APIResponse(responseCode = "200", description = "the rule without a candidate")
  @APIResponse(responseCode = "403", description = "not an operator's token")
  @APIResponse(responseCode = "404", description = "no such rule (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "422", description = "no note (ERR_VALIDATION)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<RuleService.RuleView> stopShadow(@PathParam("rule") String rule, @QueryParam("note") String note) {
    return rules.stopShadow(ruleOf(rule), operator(), note);
  }

  @GET
  @Path("/rules/{rule}/shadow-report")
  @Operation(summary = "What the shadow candidate would have decided beside what the rule decided (RSK-8)")
  @APIResponse(responseCode = "200", description = "the report")
  @APIResponse(responseCode = "403", description = "not an operator's token")
  @APIResponse(responseCode = "404", description = "no such rule (ERR_NOT_FOUND)")
  @APIResponse(responseCode = "401", description = "no valid token")
  @APIResponse(responseCode = "503", description = "PostgreSQL unavailable, nothing changed (ERR_UNAVAILABLE, Retry-After)")
  public Uni<RuleService.ShadowReport> shadowReport(@PathParam("rule") String rule) {
    return rules.shadowReport(ruleOf(rule));
  }

  private static Rule ruleOf(String id) {
    return Rule.byId(id).orElseThrow(() -> ApiException.notFound("rule"));
  }

  private String operator() {
    return jwt.getSubject() == null ? "operator" : jwt.getSubject();
  }
}
