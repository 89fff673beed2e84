package com.sellergrowth.support.inbox;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * What a consumer does with a failure (SPEC section 2: nothing lost, nothing stuck). An outage (PostgreSQL, Redis or Kafka
 * unreachable, a connection dropped, a deadlock or serialization conflict, the server shutting down) ends by itself: the
 * event is retried until it does and never dead-lettered. A value the database refuses (SQLSTATE classes 22 data
 * exception, 23 integrity, 54 program limit: a NUL character, a key too long for an index) fails the same way every time:
 * it is dead-lettered at once.
 */
public final class Failures {
  private Failures() {
  }

  public static boolean isOutage(Throwable t) {
    if (t instanceof io.smallrye.mutiny.CompositeException composite) { // a failure and the failure of its clean-up, say
      return composite.getCauses().stream().anyMatch(Failures::isOutage);
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof ClosedChannelException || c instanceof ClosedConnectionException
          || c instanceof TimeoutException || c instanceof io.lettuce.core.RedisConnectionException
          || c instanceof io.lettuce.core.RedisCommandTimeoutException || c instanceof io.lettuce.core.RedisCommandInterruptedException || c instanceof org.apache.kafka.common.errors.RetriableException
          || isPoolTimeout(c) || isLostConnection(c)) {
        return true;
      }
      String state = sqlState(c);
      if (state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57"))) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  public static boolean isDataError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String state = sqlState(c);
      if (state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"))) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  /**
   * The reactive PostgreSQL pool gave no connection in time (every connection busy or the server unreachable): Vert.x SQL
   * client 4.5 fails with a bare "Timeout" (a NoStackTraceThrowable) or a VertxException "Timeout waiting for connection".
   */
  private static boolean isPoolTimeout(Throwable c) {
    String message = c.getMessage();
    return (c instanceof io.vertx.core.impl.NoStackTraceThrowable && "Timeout".equals(message))
        || (c instanceof io.vertx.core.VertxException && message != null && message.startsWith("Timeout waiting for connection"));
  }

  /**
   * A connection lost mid-request (issue 15: PostgreSQL's backends terminated during a flash sale): the socket reset or a
   * pooled connection found closed. A client that resets its own connection never reads the answer, so calling it an outage
   * costs nothing.
   */
  private static boolean isLostConnection(Throwable c) {
    String message = c.getMessage();
    return c instanceof java.net.SocketException
        || (c instanceof io.vertx.core.impl.NoStackTraceThrowable && message != null && message.startsWith("Connection is not active"));
  }

  /** The SQLSTATE a failure carries, searching its causes and what it suppressed (Hibernate Reactive adds the driver's there). */
  public static String sqlStateOf(Throwable t) {
    return sqlStateOf(t, 0);
  }

  private static String sqlStateOf(Throwable t, int depth) {
    for (Throwable c = t; c != null && depth < 16; c = c.getCause() == c ? null : c.getCause(), depth++) {
      String state = sqlState(c);
      if (state != null) {
        return state;
      }
      for (Throwable s : c.getSuppressed()) {
        String suppressed = sqlStateOf(s, depth + 1);
        if (suppressed != null) {
          return suppressed;
        }
      }
    }
    return null;
  }

  private static String sqlState(Throwable c) {
    if (c instanceof PgException pg) {
      return pg.getSqlState();
    }
    if (c instanceof SQLException sql) {
      return sql.getSQLState();
    }
    if (c instanceof org.hibernate.JDBCException jdbc) {
      return jdbc.getSQLState();
    }
    return null;
  }
}
