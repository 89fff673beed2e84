package com.sellergrowth.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to problem+json (STYLE 8). Never exposes class names or stack traces; logs a 5xx once. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response api(ApiException e, UriInfo uri) {
    Problem p = Problem.of(e.status(), e.code(), e.title(), e.getMessage(), uri.getPath(), e.errors());
    if (e.publicCode() != null) {
      p = p.withPublic(e.publicCode(), e.publicMessage());
    }
    Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(p);
    e.headers().forEach(response::header);
    return response.build();
  }

  @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class, org.hibernate.StaleObjectStateException.class})
  public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
    return respond(409, "ERR_CONCURRENT_UPDATE", "Conflict", "the resource changed meanwhile; read it again and retry", uri, List.of());
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, UriInfo uri) {
    return respond(401, "ERR_UNAUTHENTICATED", "Authentication required", "a valid bearer token is required", uri, List.of());
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(403, "ERR_FORBIDDEN", "Forbidden", "the caller's role does not allow this operation", uri, List.of());
  }

  // Listed explicitly so they win over quarkus-rest-jackson's own (non-problem) mappers for these types.
  @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class,
      com.fasterxml.jackson.core.JsonParseException.class, com.fasterxml.jackson.databind.exc.ValueInstantiationException.class})
  public Response json(JsonProcessingException e, UriInfo uri) {
    String field = e instanceof MismatchedInputException m
        ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[")
        : "";
    String message = e instanceof InvalidFormatException ? "has the wrong type or format" : "cannot be read";
    List<FieldError> errors = field.isEmpty() ? List.of() : List.of(new FieldError(field, "ERR_FIELD_FORMAT", message));
    return respond(400, "ERR_MALFORMED_BODY", "Malformed request body", "the body is not valid JSON for this operation", uri, errors);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      LOG.errorf(e, "request to %s failed", uri.getPath());
    }
    String code = switch (status) {
      case 400 -> "ERR_BAD_REQUEST";
      case 404 -> "ERR_NOT_FOUND";
      case 405 -> "ERR_METHOD_NOT_ALLOWED";
      case 406 -> "ERR_NOT_ACCEPTABLE";
      case 415 -> "ERR_UNSUPPORTED_MEDIA_TYPE";
      default -> status >= 500 ? "ERR_INTERNAL" : "ERR_HTTP_" + status;
    };
    String detail = status >= 500 ? "an unexpected error occurred" : e.getResponse().getStatusInfo().getReasonPhrase();
    return respond(status, code, e.getResponse().getStatusInfo().getReasonPhrase(), detail, uri, List.of());
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(Throwable e, UriInfo uri) {
    LOG.errorf(e, "request to %s failed", uri.getPath());
    return respond(500, "ERR_INTERNAL", "Internal error", "an unexpected error occurred", uri, List.of());
  }

  private static Response respond(int status, String code, String title, String detail, UriInfo uri, List<FieldError> errors) {
    return Response.status(status).type(Problem.MEDIA_TYPE)
        .entity(Problem.of(status, code, title, detail, uri.getPath(), errors)).build();
  }
}
