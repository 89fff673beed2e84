package com.sellergrowth.coupon.api;

import com.sellergrowth.support.problem.InfrastructureFailures;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * PostgreSQL, Redis or the broker unreachable: 503 with Retry-After; a value PostgreSQL refuses: 422; a body that cannot be read: 400
 * (service-support InfrastructureFailures). Hibernate Reactive wraps the client's failures: their causes decide.
 */
public class FailureMappers {
  @ServerExceptionMapper({io.vertx.pgclient.PgException.class, java.net.ConnectException.class, io.vertx.core.VertxException.class,
      io.vertx.core.impl.NoStackTraceThrowable.class, io.vertx.sqlclient.ClosedConnectionException.class,
      org.hibernate.HibernateException.class, jakarta.persistence.PersistenceException.class, io.lettuce.core.RedisException.class,
      io.smallrye.mutiny.CompositeException.class})
  public Response infrastructure(Throwable e, UriInfo uri) {
    return InfrastructureFailures.toResponse(e, uri.getPath());
  }

  /** A body that could not be read (cut short, too large): 400 or 413, never a 500. */
  @ServerExceptionMapper(java.io.IOException.class)
  public Response unreadableBody(java.io.IOException e, UriInfo uri) {
    return InfrastructureFailures.unreadableBody(e, uri.getPath());
  }
}
