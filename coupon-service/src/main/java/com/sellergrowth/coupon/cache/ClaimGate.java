package com.sellergrowth.coupon.cache;

import com.sellergrowth.support.batch.Batcher;
import com.sellergrowth.support.redis.RedisConfig;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * CPN-3 exactness under any concurrency: one atomic Redis script checks the buyer's limit, the remaining quantity and the
 * remaining discount budget, and reserves all three together; claims of one coupon that arrive together share one script
 * call (ADR 7), which decides them in order. PostgreSQL's unique (coupon, buyer) key stays as the last line of defence.
 * Keys of one coupon share a hash tag, so the script also runs on Redis Cluster.
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

  /**
   * Reserves for a batch of claims on one coupon, in order: ARGV holds (buyer, cost) pairs; the answer holds one code per
   * claim (1 reserved, -1 already claimed, -2 sold out, -4 budget exhausted, -3 gate not loaded).
   */
  private static final String RESERVE = """
      local out = {}
      if redis.call('EXISTS', KEYS[1]) == 0 then
        for i = 1, #ARGV, 2 do out[#out + 1] = -3 end
        return out
      end
      local remaining = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
      local budget = tonumber(redis.call('HGET', KEYS[1], 'budget'))
      local taken, spent = 0, 0
      for i = 1, #ARGV, 2 do
        local cost = tonumber(ARGV[i + 1])
        if redis.call('SISMEMBER', KEYS[2], ARGV[i]) == 1 then out[#out + 1] = -1
        elseif remaining - taken <= 0 then out[#out + 1] = -2
        elseif budget >= 0 and budget - spent < cost then out[#out + 1] = -4
        else
          taken = taken + 1
          spent = spent + cost
          redis.call('SADD', KEYS[2], ARGV[i])
          out[#out + 1] = 1
        end
      end
      if taken > 0 then
        redis.call('HINCRBY', KEYS[1], 'remaining', -taken)
        if budget >= 0 then redis.call('HINCRBY', KEYS[1], 'budget', -spent) end
      end
      return out
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

  /** One reservation a claim asks for. */
  record Ask(UUID couponId, String buyerId, long costMinor) {
  }

  /** Claims arriving while a batch is at Redis go in the next (ADR 7); one batch at a time, as for the claim statements. */
  private static final int MAX_BATCH = 256;

  private final StatefulRedisConnection<String, String> redis;
  private final Batcher<Ask, Reservation> reservations = new Batcher<>(MAX_BATCH, 1, failure -> false, this::reserveAll);
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
    return reservations.submit(new Ask(couponId, buyerId, costMinor));
  }

  /** One batch of reservations, as the batcher sends it: one script call per coupon (its keys share a slot), answers in order. */
  Uni<List<Reservation>> reserveAll(List<Ask> asks) {
    Map<UUID, List<Integer>> byCoupon = new LinkedHashMap<>();
    for (int i = 0; i < asks.size(); i++) {
      byCoupon.computeIfAbsent(asks.get(i).couponId(), c -> new ArrayList<>()).add(i);
    }
    List<Uni<Void>> calls = new ArrayList<>(byCoupon.size());
    Reservation[] answers = new Reservation[asks.size()];
    byCoupon.forEach((coupon, positions) -> {
      String[] args = new String[positions.size() * 2];
      for (int j = 0; j < positions.size(); j++) {
        Ask ask = asks.get(positions.get(j));
        args[2 * j] = ask.buyerId();
        args[2 * j + 1] = Long.toString(ask.costMinor());
      }
      String[] keys = keys(coupon);
      calls.add(this.<List<Long>>script(reserveSha, RESERVE, ScriptOutputType.MULTI, keys, args)
          .invoke(codes -> {
            for (int j = 0; j < positions.size(); j++) {
              answers[positions.get(j)] = switch (codes.get(j).intValue()) {
                case 1 -> Reservation.RESERVED;
                case -1 -> Reservation.ALREADY_CLAIMED;
                case -2 -> Reservation.SOLD_OUT;
                case -4 -> Reservation.BUDGET_EXHAUSTED;
                default -> Reservation.NOT_LOADED;
              };
            }
          }).replaceWithVoid());
    });
    return Uni.join().all(calls).andFailFast().map(ignored -> Arrays.asList(answers));
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
    Uni<Long> result = this.<Long>script(sha, script, ScriptOutputType.INTEGER, keys, args);
    return caller == null ? result : result.emitOn(task -> caller.runOnContext(ignored -> task.run()));
  }

  /** Runs a script by digest, loading it on NOSCRIPT; answers on Lettuce's thread. */
  private <T> Uni<T> script(String sha, String script, ScriptOutputType type, String[] keys, String[] args) {
    return Uni.createFrom().completionStage(() -> redis.async().<T>evalsha(sha, type, keys, args))
        .onFailure(RedisNoScriptException.class)
        .recoverWithUni(() -> Uni.createFrom().completionStage(() -> redis.async().<T>eval(script, type, keys, args)));
  }
}
