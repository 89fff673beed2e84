package com.sellergrowth.support.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Redis connection of a service (Lettuce). */
@ConfigMapping(prefix = "redis")
public interface RedisConfig {
  /** Redis URI; env REDIS_URL. */
  @WithDefault("redis://127.0.0.1:6379")
  String url();

  /** Timeout of one command. */
  @WithDefault("PT2S")
  Duration timeout();

  /** Prefix of every key this service writes (its own key space, SPEC section 2). */
  String keyPrefix();
}
