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
import java.time.Instant;
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
   * Reserves for a batch of claims on one coupon, in order: ARGV holds (buyer, cost, time in epoch ms) triples; the answer
   * holds one code per claim (1 reserved, -1 already claimed, -2 sold out, -4 budget exhausted, -3 gate not loaded). The
   * holders hash maps each buyer to the time of the reservation (0 for a claim loaded from PostgreSQL), so that a
   * reservation whose request died before storing it can be taken over later ({@link #takeOver}), and handed back only by
   * the request that holds it ({@link #release}).
   */
  private static final String RESERVE = """
      local out = {}
      if redis.call('EXISTS', KEYS[1]) == 0 then
        for i = 1, #ARGV, 3 do out[#out + 1] = -3 end
        return out
      end
      local remaining = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
      local budget = tonumber(redis.call('HGET', KEYS[1], 'budget'))
      local taken, spent = 0, 0
      for i = 1, #ARGV, 3 do
        local cost = tonumber(ARGV[i + 1])
        if redis.call('HEXISTS', KEYS[2], ARGV[i]) == 1 then out[#out + 1] = -1
        elseif remaining - taken <= 0 then out[#out + 1] = -2
        elseif budget >= 0 and budget - spent < cost then out[#out + 1] = -4
        else
          taken = taken + 1
          spent = spent + cost
          redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 2])
          out[#out + 1] = 1
        end
      end
      if taken > 0 then
        redis.call('HINCRBY', KEYS[1], 'remaining', -taken)
        if budget >= 0 then redis.call('HINCRBY', KEYS[1], 'budget', -spent) end
      end
      return out
      """;
  /** Hands a reservation back if it is still the one made at ARGV[3] (a request taken over since has no say on it). */
  private static final String RELEASE = """
      if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[3] then
        redis.call('HDEL', KEYS[2], ARGV[1])
        redis.call('HINCRBY', KEYS[1], 'remaining', 1)
        local budget = tonumber(redis.call('HGET', KEYS[1], 'budget'))
        if budget and budget >= 0 then redis.call('HINCRBY', KEYS[1], 'budget', tonumber(ARGV[2])) end
        return 1
      end
      return 0
      """;
  /**
   * Hands a buyer's reservation to a new request when it was made at or before ARGV[2] (epoch ms) and never loaded from a
   * stored claim (time 0): the request that made it died between Redis and PostgreSQL. The quantity it holds stays held.
   */
  private static final String TAKE_OVER = """
      local at = tonumber(redis.call('HGET', KEYS[2], ARGV[1]))
      if at and at > 0 and at <= tonumber(ARGV[2]) then
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
        return 1
      end
      return 0
      """;
  /** Adds a page of stored claims' buyers (time 0) to a staging hash of a rebuild; KEYS[1] is the staging hash. */
  private static final String STAGE = """
      for i = 2, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], '0') end
      redis.call('EXPIRE', KEYS[1], ARGV[1])
      return 1
      """;
  /**
   * Completes a rebuild if the gate is still missing: the staged buyers become the buyers hash, and the counts are set.
   * KEYS: gate, buyers, staging; ARGV: remaining, budget, ttl.
   */
  private static final String LOAD = """
      if redis.call('EXISTS', KEYS[1]) == 1 then
        redis.call('DEL', KEYS[3])
        return 0
      end
      if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('RENAME', KEYS[3], KEYS[2]) else redis.call('DEL', KEYS[2]) end
      redis.call('HSET', KEYS[1], 'remaining', ARGV[1], 'budget', ARGV[2])
      redis.call('EXPIRE', KEYS[1], ARGV[3])
      redis.call('EXPIRE', KEYS[2], ARGV[3])
      return 1
      """;

  /** One reservation a claim asks for. */
  record Ask(UUID couponId, String buyerId, long costMinor, long atMillis) {
  }

  /** Claims arriving while a batch is at Redis go in the next (ADR 7); one batch at a time, as for the claim statements. */
  private static final int MAX_BATCH = 256;

  private final StatefulRedisConnection<String, String> redis;
  private final Batcher<Ask, Reservation> reservations = new Batcher<>(MAX_BATCH, 1, failure -> false, this::reserveAll);
  private final String prefix;
  private final String reserveSha;
  private final String releaseSha;
  private final String loadSha;
  private final String takeOverSha;
  private final String stageSha;

  public ClaimGate(StatefulRedisConnection<String, String> redis, RedisConfig config) {
    this.redis = redis;
    this.prefix = config.keyPrefix();
    this.reserveSha = redis.sync().digest(RESERVE);
    this.releaseSha = redis.sync().digest(RELEASE);
    this.loadSha = redis.sync().digest(LOAD);
    this.takeOverSha = redis.sync().digest(TAKE_OVER);
    this.stageSha = redis.sync().digest(STAGE);
  }

  public Uni<Reservation> reserve(UUID couponId, String buyerId, long costMinor, Instant now) {
    return reservations.submit(new Ask(couponId, buyerId, costMinor, now.toEpochMilli()));
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
      String[] args = new String[positions.size() * 3];
      for (int j = 0; j < positions.size(); j++) {
        Ask ask = asks.get(positions.get(j));
        args[3 * j] = ask.buyerId();
        args[3 * j + 1] = Long.toString(ask.costMinor());
        args[3 * j + 2] = Long.toString(ask.atMillis());
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

  /** Undoes the reservation made at {@code reservedAt} whose claim could not be stored, if it is still that one. Idempotent. */
  public Uni<Boolean> release(UUID couponId, String buyerId, long costMinor, Instant reservedAt) {
    return eval(releaseSha, RELEASE, keys(couponId), buyerId, Long.toString(costMinor), Long.toString(reservedAt.toEpochMilli()))
        .map(r -> r == 1);
  }

  /**
   * Takes over the buyer's reservation if it was made at or before {@code madeBefore} and no stored claim stands behind it
   * (the caller has read PostgreSQL: the buyer holds none); its time becomes {@code now}.
   */
  public Uni<Boolean> takeOver(UUID couponId, String buyerId, Instant madeBefore, Instant now) {
    return eval(takeOverSha, TAKE_OVER, keys(couponId), buyerId, Long.toString(madeBefore.toEpochMilli()),
        Long.toString(now.toEpochMilli())).map(r -> r == 1);
  }

  /** A staging hash for one rebuild of the gate; rebuilds racing each other each have their own. */
  public String stagingKey(UUID couponId) {
    return keys(couponId)[1] + ":load:" + UUID.randomUUID();
  }

  /** Adds a page of buyers who hold stored claims to a rebuild's staging hash (expiring, in case the rebuild dies). */
  public Uni<Void> stage(String stagingKey, List<String> buyers, long ttlSeconds) {
    if (buyers.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<String> args = new ArrayList<>(buyers.size() + 1);
    args.add(Long.toString(Math.max(ttlSeconds, 60)));
    args.addAll(buyers);
    return eval(stageSha, STAGE, new String[] {stagingKey}, args.toArray(String[]::new)).replaceWithVoid();
  }

  /**
   * Sets the gate from PostgreSQL's state if it is still missing, with the buyers staged under {@code stagingKey} (none staged:
   * no buyers). {@code budgetRemaining} is -1 for "no budget limit". Answers whether this call set it.
   */
  public Uni<Boolean> load(UUID couponId, String stagingKey, long remaining, long budgetRemaining, long ttlSeconds) {
    String[] k = keys(couponId);
    return eval(loadSha, LOAD, new String[] {k[0], k[1], stagingKey}, Long.toString(remaining), Long.toString(budgetRemaining),
        Long.toString(Math.max(ttlSeconds, 60))).map(r -> r == 1);
  }

  /** Sets the gate in one call with the given buyers if it is missing (tests and small coupons). */
  public Uni<Boolean> load(UUID couponId, long remaining, long budgetRemaining, long ttlSeconds, List<String> buyers) {
    String staging = stagingKey(couponId);
    return stage(staging, buyers, ttlSeconds).chain(() -> load(couponId, staging, remaining, budgetRemaining, ttlSeconds));
  }

  /** Drops the gate so the next claim rebuilds it from PostgreSQL (tests, operators after a repair). */
  public Uni<Long> evict(UUID couponId) {
    String[] keys = keys(couponId);
    return onCallersContext(Uni.createFrom().completionStage(() -> redis.async().del(keys)));
  }

  private String[] keys(UUID couponId) {
    String tag = prefix + "{" + couponId + "}";
    // ":holders" is a hash of buyer -> reservation time; it replaced the ":buyers" set, so the keys were renamed with it and a
    // gate written by an older build is simply rebuilt from PostgreSQL
    return new String[] {tag + ":counts", tag + ":holders"};
  }

  /**
   * Runs a script by digest (loading it on NOSCRIPT) and answers on the caller's Vert.x context: Lettuce completes on its own
   * threads, and Hibernate Reactive must not be touched from them (shared NOTES).
   */
  private Uni<Long> eval(String sha, String script, String[] keys, String... args) {
    return onCallersContext(this.<Long>script(sha, script, ScriptOutputType.INTEGER, keys, args));
  }

  /**
   * {@code work} answering on the Vert.x context of the code that subscribes (none: where it completes). Lettuce, and a
   * rebuild shared by several claims, complete elsewhere; Hibernate Reactive must not be touched from there (shared NOTES).
   */
  public static <T> Uni<T> onCallersContext(Uni<T> work) {
    return Uni.createFrom().deferred(() -> {
      Context caller = Vertx.currentContext();
      return caller == null ? work : work.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    });
  }

  /** Runs a script by digest, loading it on NOSCRIPT; answers on Lettuce's thread. */
  private <T> Uni<T> script(String sha, String script, ScriptOutputType type, String[] keys, String[] args) {
    return Uni.createFrom().completionStage(() -> redis.async().<T>evalsha(sha, type, keys, args))
        .onFailure(RedisNoScriptException.class)
        .recoverWithUni(() -> Uni.createFrom().completionStage(() -> redis.async().<T>eval(script, type, keys, args)));
  }
}
