package com.sellergrowth.attribution.api;

import com.sellergrowth.support.inbox.Failures;
import com.sellergrowth.support.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Infrastructure failures as an API caller should see them (SPEC section 9): PostgreSQL or the broker unreachable, a deadlock,
 * the pool exhausted: 503 with {@code Retry-After} (nothing was half-written: every write is one transaction); a value
 * PostgreSQL refuses that validation let through: 422, never a 500. (service-support's mappers answer anything else.)
 */
public class FailureMappers {
  private static final Logger LOG = Logger.getLogger(FailureMappers.class);

  @ServerExceptionMapper({io.vertx.pgclient.PgException.class, java.net.ConnectException.class, io.vertx.core.VertxException.class,
      io.vertx.core.impl.NoStackTraceThrowable.class, io.vertx.sqlclient.ClosedConnectionException.class})
  public Response infrastructure(Throwable e, UriInfo uri) {
    if (Failures.isOutage(e)) {
      LOG.warnf("request to %s met an outage: %s", uri.getPath(), e.getMessage());
      return Response.status(503).header("Retry-After", "1").type(Problem.MEDIA_TYPE).entity(Problem.of(503, "ERR_UNAVAILABLE",
          "Service unavailable", "a dependency is unavailable; nothing was changed; retry shortly", uri.getPath(), List.of())).build();
    }
    if (Failures.isDataError(e)) {
      LOG.warnf("request to %s carried a value PostgreSQL refuses: %s", uri.getPath(), e.getMessage());
      return Response.status(422).type(Problem.MEDIA_TYPE).entity(Problem.of(422, "ERR_UNSTORABLE_VALUE", "Invalid request",
          "a value of the request cannot be stored; nothing was changed", uri.getPath(), List.of())).build();
    }
    LOG.errorf(e, "request to %s failed", uri.getPath());
    return Response.status(500).type(Problem.MEDIA_TYPE).entity(Problem.of(500, "ERR_INTERNAL", "Internal error",
        "an unexpected error occurred", uri.getPath(), List.of())).build();
  }
}
