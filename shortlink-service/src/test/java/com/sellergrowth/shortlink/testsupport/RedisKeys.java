package com.sellergrowth.shortlink.testsupport;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.eclipse.microprofile.config.ConfigProvider;

/** The service's real Redis, under its test key prefix: to read what the service stored, or to lose it on purpose. */
public final class RedisKeys {
  private static StatefulRedisConnection<String, String> connection;

  public static synchronized RedisCommands<String, String> redis() {
    if (connection == null) {
      connection = RedisClient.create(ConfigProvider.getConfig().getValue("redis.url", String.class)).connect();
    }
    return connection.sync();
  }

  public static String linkKey(String code) {
    return prefix() + "link:" + code;
  }

  private static String prefix() {
    return ConfigProvider.getConfig().getValue("redis.key-prefix", String.class);
  }

  private RedisKeys() {
  }
}
