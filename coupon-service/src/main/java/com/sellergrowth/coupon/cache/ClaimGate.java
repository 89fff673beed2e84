package com.sellergrowth.coupon.cache;

import com.sellergrowth.support.redis.RedisConfig;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * CPN-3 exactness under any concurrency: one atomic Redis script per claim checks the buyer's limit, the remaining quantity
 * and the remaining discount budget, and reserves all three together. PostgreSQL's unique (coupon, buyer) key stays as the
 * last line of defence. Keys of one coupon share a hash tag, so the script also runs on Redis Cluster.
 *
 * <p>The gate is a cache of PostgreSQL: when its keys are missing (first claim, Redis restarted) it is rebuilt from the claims
 * table by {@link #load}, atomically and only if still missing.
 */
@ApplicationScoped
public class ClaimGate {

  /** Outcome of a reservation. */
  public enum Reservation {
    RESERVED, ALREADY_CLAIMED, SOLD_OUT, BUDGET_EXHAUSTED, NOT_LOADED
  }

  private static final String RESERVE = """
      if redis.call('EXISTS', KEYS[1]) == 0 then return -3 end
      if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return -1 end
      local remaining = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
      if remaining <= 0 then return -2 end
      local budget = tonumber(redis.call('HGET', KEYS[1], 'budget'))
      local cost = tonumber(ARGV[2])
      if budget >= 0 then
        if budget < cost then return -4 end
        redis.call('HINCRBY', KEYS[1], 'budget', -cost)
      end
      redis.call('HINCRBY', KEYS[1], 'remaining', -1)
      redis.call('SADD', KEYS[2], ARGV[1])
      return 1
      """;
  private static final String RELEASE = """
      if redis.call('SREM', KEYS[2], ARGV[1]) == 1 then
        redis.call('HINCRBY', KEYS[1], 'remaining', 1)
        local budget = tonumber(redis.call('HGET', KEYS[1], 'budget'))
        if budget and budget >= 0 then redis.call('HINCRBY', KEYS[1], 'budget', tonumber(ARGV[2])) end
        return 1
      end
      return 0
      """;
  private static final String LOAD = """
      if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
      for i = 4, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end
      redis.call('HSET', KEYS[1], 'remaining', ARGV[1], 'budget', ARGV[2])
      redis.call('EXPIRE', KEYS[1], ARGV[3])
      redis.call('EXPIRE', KEYS[2], ARGV[3])
      return 1
      """;

  private final StatefulRedisConnection<String, String> redis;
  private final String prefix;
  private final String reserveSha;
  private final String releaseSha;
  private final String loadSha;

  public ClaimGate(StatefulRedisConnection<String, String> redis, RedisConfig config) {
    this.redis = redis;
    this.prefix = config.keyPrefix();
    this.reserveSha = redis.sync().digest(RESERVE);
    this.releaseSha = redis.sync().digest(RELEASE);
    this.loadSha = redis.sync().digest(LOAD);
  }

  public Uni<Reservation> reserve(UUID couponId, String buyerId, long costMinor) {
    return eval(reserveSha, RESERVE, keys(couponId), buyerId, Long.toString(costMinor)).map(r -> switch (r.intValue()) {
      case 1 -> Reservation.RESERVED;
      case -1 -> Reservation.ALREADY_CLAIMED;
      case -2 -> Reservation.SOLD_OUT;
      case -4 -> Reservation.BUDGET_EXHAUSTED;
      default -> Reservation.NOT_LOADED;
    });
  }

  /** Undoes a reservation whose claim could not be stored. Idempotent. */
  public Uni<Boolean> release(UUID couponId, String buyerId, long costMinor) {
    return eval(releaseSha, RELEASE, keys(couponId), buyerId, Long.toString(costMinor)).map(r -> r == 1);
  }

  /**
   * Sets the gate from PostgreSQL's state if it is missing. {@code budgetRemaining} is -1 for "no budget limit".
   */
  public Uni<Boolean> load(UUID couponId, long remaining, long budgetRemaining, long ttlSeconds, List<String> buyers) {
    List<String> args = new ArrayList<>(buyers.size() + 3);
    args.add(Long.toString(remaining));
    args.add(Long.toString(budgetRemaining));
    args.add(Long.toString(Math.max(ttlSeconds, 60)));
    args.addAll(buyers);
    return eval(loadSha, LOAD, keys(couponId), args.toArray(String[]::new)).map(r -> r == 1);
  }

  /** Drops the gate so the next claim rebuilds it from PostgreSQL (tests, operators after a repair). */
  public Uni<Long> evict(UUID couponId) {
    String[] keys = keys(couponId);
    Context caller = Vertx.currentContext();
    Uni<Long> result = Uni.createFrom().completionStage(() -> redis.async().del(keys));
    return caller == null ? result : result.emitOn(task -> caller.runOnContext(ignored -> task.run()));
  }

  private String[] keys(UUID couponId) {
    String tag = prefix + "{" + couponId + "}";
    return new String[] {tag + ":gate", tag + ":buyers"};
  }

  /**
   * Runs a script by digest (loading it on NOSCRIPT) and answers on the caller's Vert.x context: Lettuce completes on its own
   * threads, and Hibernate Reactive must not be touched from them (shared NOTES).
   */
  private Uni<Long> eval(String sha, String script, String[] keys, String... args) {
    Context caller = Vertx.currentContext();
    Uni<Long> result = Uni.createFrom().completionStage(() -> this.<Long>evalsha(sha, keys, args))
        .onFailure(RedisNoScriptException.class)
        .recoverWithUni(() -> Uni.createFrom().completionStage(() -> redis.async().<Long>eval(script, ScriptOutputType.INTEGER, keys, args)));
    return caller == null ? result : result.emitOn(task -> caller.runOnContext(ignored -> task.run()));
  }

  private <T> CompletionStage<T> evalsha(String sha, String[] keys, String[] args) {
    return redis.async().evalsha(sha, ScriptOutputType.INTEGER, keys, args);
  }
}
