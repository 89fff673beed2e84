package com.sellergrowth.support.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the Redis dependency (Quarkus checks PostgreSQL and Kafka itself). */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements AsyncHealthCheck {
  private final StatefulRedisConnection<String, String> redis;

  public RedisReadinessCheck(StatefulRedisConnection<String, String> redis) {
    this.redis = redis;
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    return Uni.createFrom().completionStage(() -> redis.async().ping().toCompletableFuture())
        .ifNoItem().after(Duration.ofSeconds(2)).fail()
        .map(pong -> HealthCheckResponse.named("redis").status("PONG".equals(pong)).build())
        .onFailure().recoverWithItem(f -> HealthCheckResponse.named("redis").down().withData("error", String.valueOf(f.getMessage())).build());
  }
}
