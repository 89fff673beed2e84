package com.sellergrowth.shortlink.redirect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.shortlink.config.ShortlinkConfig;
import com.sellergrowth.shortlink.domain.LinkView;
import com.sellergrowth.shortlink.domain.LinkViews;
import com.sellergrowth.shortlink.domain.SkuState;
import com.sellergrowth.support.redis.RedisConfig;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Resolves codes and SKU states for redirects (SHL-5) without PostgreSQL in the common case: from this instance's memory
 * (at most {@code cacheTtl} old), else from Redis (one round trip, written by every change), else from PostgreSQL (then
 * written back to Redis). Concurrent misses of one key share one load. Views are versioned: a write never replaces a
 * newer view (a Lua compare-and-set), so a slow writer cannot resurrect an old target or a deleted link.
 * Futures complete on Lettuce or Vert.x threads; the caller hops back to its context.
 */
@ApplicationScoped
public class LinkResolver {
  /** Unknown codes are remembered in Redis this long (probing them must not reach PostgreSQL each time). */
  private static final Duration UNKNOWN_TTL = Duration.ofSeconds(60);
  private static final String PUT_IF_NEWER = """
      local cur = redis.call('GET', KEYS[1])
      if cur then
        local v = tonumber(string.match(cur, '"version":(%d+)'))
        if v and v > tonumber(ARGV[2]) then return 0 end
      end
      redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
      return 1
      """;
  private static final String LINK_SQL = "SELECT code, seller_id, target, mobile_target, utm_query, sku, expires_at, max_visits, version, "
      + "deleted_at IS NOT NULL AS deleted FROM link WHERE code = $1";

  private final ObjectMapper json = EventSerde.mapper();
  private final RedisAsyncCommands<String, String> redis;
  private final Pool pool;
  private final LinkViews views;
  private final String prefix;
  private final Duration viewTtl;
  private final AsyncCache<String, Optional<LinkView>> links;
  private final AsyncCache<String, Optional<SkuState>> skus;

  public LinkResolver(StatefulRedisConnection<String, String> connection, Pool pool, RedisConfig redisConfig, ShortlinkConfig config) {
    this.redis = connection.async();
    this.pool = pool;
    this.views = new LinkViews(config.targets().storePage());
    this.prefix = redisConfig.keyPrefix();
    this.viewTtl = config.redirect().viewTtl();
    this.links = Caffeine.newBuilder().expireAfterWrite(config.redirect().cacheTtl()).maximumSize(config.redirect().cacheSize()).buildAsync();
    this.skus = Caffeine.newBuilder().expireAfterWrite(config.redirect().cacheTtl()).maximumSize(config.redirect().cacheSize()).buildAsync();
  }

  public LinkViews views() {
    return views;
  }

  /** The link's view, or a deleted/unknown view (never null). */
  public CompletableFuture<LinkView> link(String code) {
    Context caller = Vertx.currentContext();
    return links.get(code, (k, executor) -> loadLink(k, caller).thenApply(Optional::of).toCompletableFuture())
        .thenApply(o -> o.orElseThrow());
  }

  /** The SKU's latest stock fact, or empty when none arrived yet (then the link redirects to its target). */
  public CompletableFuture<Optional<SkuState>> sku(String sku) {
    Context caller = Vertx.currentContext();
    return skus.get(sku, (k, executor) -> loadSku(k, caller).toCompletableFuture());
  }

  /** Writes a view to Redis unless a newer one is there, and forgets this instance's copy. */
  public CompletionStage<Boolean> put(LinkView view) {
    links.synchronous().invalidate(view.code());
    return store(view);
  }

  /** Writes a view to Redis unless a newer one is there (loads use this: invalidating the key being loaded would drop it). */
  private CompletionStage<Boolean> store(LinkView view) {
    Duration ttl = view.sellerId() == null ? UNKNOWN_TTL : viewTtl;
    return redis.<Long>eval(PUT_IF_NEWER, ScriptOutputType.INTEGER, new String[] {linkKey(view.code())}, write(view),
        Long.toString(view.version()), Long.toString(ttl.toMillis())).thenApply(r -> r == 1L);
  }

  /** Writes a SKU state to Redis (the caller applied it to PostgreSQL first) and forgets this instance's copy. */
  public CompletionStage<Void> putSku(String sku, SkuState state) {
    skus.synchronous().invalidate(sku);
    return redis.set(skuKey(sku), write(state)).thenRun(() -> skus.synchronous().invalidate(sku));
  }

  /** Reloads a link from PostgreSQL into Redis (repairs Redis after a lost write; driven by shortlink.events). */
  public CompletionStage<Boolean> refresh(String code) {
    return onContext(Vertx.currentContext(), () -> linkFromDb(code)).thenCompose(this::put);
  }

  /** Counts a visit of a link with a visit limit; the count after this visit. */
  public CompletionStage<Long> countVisit(String code) {
    return redis.incr(prefix + "visits:" + code);
  }

  private CompletionStage<LinkView> loadLink(String code, Context caller) {
    return redis.get(linkKey(code)).thenCompose(cached -> {
      if (cached != null) {
        return CompletableFuture.completedFuture(read(cached, LinkView.class));
      }
      return onContext(caller, () -> linkFromDb(code)).thenCompose(view -> store(view).thenApply(written -> view));
    });
  }

  /**
   * Runs a PostgreSQL call on the caller's Vert.x context: Lettuce completes its futures on its own threads, and the
   * reactive pool must be used from a Vert.x context (from a foreign thread a query stalled for seconds under load).
   */
  private static <T> CompletionStage<T> onContext(Context context, Supplier<CompletionStage<T>> work) {
    if (context == null || Vertx.currentContext() == context) {
      return work.get();
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(v -> work.get().whenComplete((value, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure);
      } else {
        result.complete(value);
      }
    }));
    return result;
  }

  private CompletionStage<LinkView> linkFromDb(String code) {
    return pool.preparedQuery(LINK_SQL).execute(Tuple.of(code)).map(rows -> {
      if (!rows.iterator().hasNext()) {
        return LinkViews.unknown(code);
      }
      Row r = rows.iterator().next();
      OffsetDateTime expires = r.getOffsetDateTime("expires_at");
      return views.of(code, r.getString("seller_id"), r.getString("target"), r.getString("mobile_target"), r.getString("utm_query"),
          r.getString("sku"), expires == null ? null : expires.toInstant(), r.getLong("max_visits"), r.getInteger("version"),
          r.getBoolean("deleted"));
    }).subscribeAsCompletionStage();
  }

  private CompletionStage<Optional<SkuState>> loadSku(String sku, Context caller) {
    return redis.get(skuKey(sku)).thenCompose(cached -> {
      if (cached != null) {
        return CompletableFuture.completedFuture(Optional.of(read(cached, SkuState.class)));
      }
      return onContext(caller, () -> pool.preparedQuery("SELECT listed, quantity, observed_at FROM sku_stock WHERE sku = $1").execute(Tuple.of(sku))
          .map(rows -> rows.iterator().hasNext() ? Optional.of(skuState(rows.iterator().next())) : Optional.<SkuState>empty())
          .subscribeAsCompletionStage());
    });
  }

  private static SkuState skuState(Row r) {
    return new SkuState(r.getBoolean("listed"), r.getLong("quantity"), r.getOffsetDateTime("observed_at").toInstant());
  }

  private String linkKey(String code) {
    return prefix + "link:" + code;
  }

  private String skuKey(String sku) {
    return prefix + "sku:" + sku;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable cached " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
