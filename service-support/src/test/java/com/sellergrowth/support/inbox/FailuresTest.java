package com.sellergrowth.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Outages are retried until they end; values the database refuses are dead-lettered; anything else is neither. */
class FailuresTest {
  private static PgException pg(String sqlState) {
    return new PgException("boom", "ERROR", sqlState, null);
  }

  // Issue 15 review: a claim whose store failed and whose reservation release failed too was a 500
  @Test
  void aFailureAndTheFailureOfItsCleanUpAreAnOutageIfEitherIs() {
    assertThat(Failures.isOutage(new io.smallrye.mutiny.CompositeException(new IllegalStateException("logic"), pg("57P01")))).isTrue();
    assertThat(Failures.isOutage(new io.smallrye.mutiny.CompositeException(new IllegalStateException("a"), new IllegalStateException("b"))))
        .isFalse();
    assertThat(Failures.isOutage(new io.lettuce.core.RedisConnectionException("Redis down"))).isTrue();
    assertThat(Failures.isOutage(new java.net.SocketException("Connection reset"))).isTrue();
  }

  @Test
  void aDatabaseOrBrokerThatIsDownOrBusyIsAnOutage() {
    assertThat(Failures.isOutage(new ConnectException("Connection refused"))).isTrue();
    assertThat(Failures.isOutage(new CompletionException(new IllegalStateException("wrapped", new ConnectException("refused"))))).isTrue();
    assertThat(Failures.isOutage(pg("08006"))).as("connection failure").isTrue();
    assertThat(Failures.isOutage(pg("57P01"))).as("admin shutdown").isTrue();
    assertThat(Failures.isOutage(pg("40P01"))).as("deadlock").isTrue();
    assertThat(Failures.isOutage(pg("53300"))).as("too many connections").isTrue();
    assertThat(Failures.isOutage(new org.apache.kafka.common.errors.TimeoutException("no broker"))).isTrue();
    assertThat(Failures.isDataError(pg("08006"))).isFalse();
  }

  @Test
  void thePoolGivingNoConnectionInTimeIsAnOutage() {
    // what Vert.x SQL client 4.5's pool fails with when no connection frees up in time
    assertThat(Failures.isOutage(io.vertx.core.Future.failedFuture("Timeout").cause())).isTrue();
    assertThat(Failures.isOutage(new io.vertx.core.VertxException("Timeout waiting for connection", true))).isTrue();
    assertThat(Failures.isOutage(io.vertx.core.Future.failedFuture("boom").cause())).as("another bare failure").isFalse();
  }

  @Test
  void aValueTheDatabaseRefusesIsADataErrorNotAnOutage() {
    assertThat(Failures.isDataError(pg("22021"))).as("NUL in text").isTrue();
    assertThat(Failures.isDataError(new RuntimeException(pg("23502")))).as("not null, wrapped").isTrue();
    assertThat(Failures.isDataError(pg("54000"))).as("index row too big").isTrue();
    assertThat(Failures.isOutage(pg("22021"))).isFalse();
  }

  @Test
  void aBugIsNeither() {
    assertThat(Failures.isOutage(new NullPointerException())).isFalse();
    assertThat(Failures.isDataError(new IllegalStateException("x"))).isFalse();
  }
}
