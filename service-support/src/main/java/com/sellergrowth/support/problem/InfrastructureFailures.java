package com.sellergrowth.support.problem;

import com.sellergrowth.support.inbox.Failures;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Infrastructure failures as an API caller should see them (SPEC section 9): PostgreSQL or the broker unreachable, a deadlock,
 * the pool exhausted: 503 with {@code Retry-After}; an optimistic lock lost to a concurrent change: 409 (nothing was half-written: every write is one transaction); a value
 * PostgreSQL refuses that validation let through: 422, never a 500. A service opts in with a {@code @ServerExceptionMapper}
 * for the Vert.x and PostgreSQL client exceptions that calls {@link #toResponse}.
 */
public final class InfrastructureFailures {
  private static final Logger LOG = Logger.getLogger(InfrastructureFailures.class);

  private InfrastructureFailures() {
  }

  public static Response toResponse(Throwable e, String path) {
    if (isConcurrentUpdate(e)) {
      return Response.status(409).type(Problem.MEDIA_TYPE).entity(Problem.of(409, "ERR_CONCURRENT_UPDATE", "Conflict",
          "it was changed by someone else since it was read; nothing was changed; read it again and retry", path, List.of())).build();
    }
    if (Failures.isOutage(e)) {
      LOG.warnf("request to %s met an outage: %s", path, e.getMessage());
      return Response.status(503).header("Retry-After", "1").type(Problem.MEDIA_TYPE).entity(Problem.of(503, "ERR_UNAVAILABLE",
          "Service unavailable", "a dependency is unavailable; nothing was changed; retry shortly", path, List.of())).build();
    }
    if (Failures.isDataError(e)) {
      LOG.warnf("request to %s carried a value PostgreSQL refuses: %s", path, e.getMessage());
      return Response.status(422).type(Problem.MEDIA_TYPE).entity(Problem.of(422, "ERR_UNSTORABLE_VALUE", "Invalid request",
          "a value of the request cannot be stored; nothing was changed", path, List.of())).build();
    }
    LOG.errorf(e, "request to %s failed", path);
    return Response.status(500).type(Problem.MEDIA_TYPE).entity(Problem.of(500, "ERR_INTERNAL", "Internal error",
        "an unexpected error occurred", path, List.of())).build();
  }

  /** An optimistic lock lost: the row's version moved between the read and the write (a concurrent change). */
  static boolean isConcurrentUpdate(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof org.hibernate.StaleStateException || c instanceof jakarta.persistence.OptimisticLockException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A request body that could not be read (a multipart body cut short, a connection closed mid-body): the client's fault, 400;
   * a body over the size limit, 413. Never a 500.
   */
  public static Response unreadableBody(java.io.IOException e, String path) {
    if (Failures.isOutage(e)) { // a socket of PostgreSQL or the broker, not the client's body
      return toResponse(e, path);
    }
    String message = String.valueOf(e.getMessage());
    if (message.toLowerCase(java.util.Locale.ROOT).contains("too large")) {
      return Response.status(413).type(Problem.MEDIA_TYPE).entity(Problem.of(413, "ERR_TOO_LARGE", "Request too large",
          "the request body is over the size limit; nothing was changed", path, List.of())).build();
    }
    LOG.debugf("request to %s had an unreadable body: %s", path, message);
    return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.of(400, "ERR_MALFORMED_BODY", "Malformed request body",
        "the request body could not be read (" + message + "); nothing was changed", path, List.of())).build();
  }
}
