package com.sellergrowth.support.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * One Lettuce client and one shared, auto-pipelining connection per service (thread-safe; Lettuce multiplexes commands
 * on it). Lettuce completes futures on its own threads: callers that go on to Hibernate Reactive must hop back to the
 * Vert.x context first (see shared NOTES).
 */
@ApplicationScoped
public class RedisProducer {
  private final RedisClient client;
  private volatile StatefulRedisConnection<String, String> connection;

  public RedisProducer(RedisConfig config) {
    RedisURI uri = RedisURI.create(config.url());
    uri.setTimeout(config.timeout());
    this.client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder().autoReconnect(true)
        .timeoutOptions(TimeoutOptions.enabled(config.timeout())).build());
  }

  @Produces
  @Singleton
  StatefulRedisConnection<String, String> connection() {
    if (connection == null) {
      synchronized (this) {
        if (connection == null) {
          connection = client.connect();
        }
      }
    }
    return connection;
  }

  @PreDestroy
  void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown();
  }
}
