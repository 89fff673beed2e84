package com.sellergrowth.support.problem;

import com.sellergrowth.support.inbox.Failures;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Infrastructure failures as an API caller should see them (SPEC section 9): PostgreSQL or the broker unreachable, a deadlock,
 * the pool exhausted: 503 with {@code Retry-After} (nothing was half-written: every write is one transaction); a value
 * PostgreSQL refuses that validation let through: 422, never a 500. A service opts in with a {@code @ServerExceptionMapper}
 * for the Vert.x and PostgreSQL client exceptions that calls {@link #toResponse}.
 */
public final class InfrastructureFailures {
  private static final Logger LOG = Logger.getLogger(InfrastructureFailures.class);

  private InfrastructureFailures() {
  }

  public static Response toResponse(Throwable e, String path) {
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
}
