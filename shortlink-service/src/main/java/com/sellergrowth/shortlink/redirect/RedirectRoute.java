package com.sellergrowth.shortlink.redirect;

import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.shortlink.config.ShortlinkConfig;
import com.sellergrowth.shortlink.domain.LinkView;
import com.sellergrowth.shortlink.domain.RedirectDecision;
import com.sellergrowth.shortlink.domain.SkuState;
import com.sellergrowth.support.http.ClientAddress;
import com.sellergrowth.support.ratelimit.FixedWindowRateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * The public redirect {@code GET|HEAD /{code}} (SHL-5, SHL-6), a plain Vert.x route on the event loop: no blocking call, no
 * Kafka or PostgreSQL wait in the common case (see {@link LinkResolver}); the click is queued for asynchronous publication.
 * Every click is published, bots included, flagged with their reason; 404/410 publish nothing.
 */
@ApplicationScoped
public class RedirectRoute {
  private static final Logger LOG = Logger.getLogger(RedirectRoute.class);
  /** A code or alias: one path segment of letters, digits, '-' and '_' (never an API or /q path). */
  static final String PATH = "/([A-Za-z0-9_-]{1,32})";

  private final LinkResolver resolver;
  private final VisitorClassifier classifier;
  private final ClickPublisher clicks;
  private final FixedWindowRateLimiter limiter;
  private final Clock clock;
  private final String countryHeader;
  private final Counter limited;
  private final ClientAddress clientAddress;

  public RedirectRoute(LinkResolver resolver, VisitorClassifier classifier, ClickPublisher clicks, @RedirectLimiter FixedWindowRateLimiter limiter,
      Clock clock, ShortlinkConfig config, MeterRegistry registry) {
    this.resolver = resolver;
    this.classifier = classifier;
    this.clicks = clicks;
    this.limiter = limiter;
    this.clock = clock;
    this.countryHeader = config.redirect().countryHeader();
    this.limited = registry.counter("shortlink.redirects.rate_limited");
    this.clientAddress = new ClientAddress(config.redirect().trustedProxies());
  }

  void register(@Observes Router router) {
    router.getWithRegex(PATH).handler(this::handle);
    router.headWithRegex(PATH).handler(this::handle);
  }

  void handle(RoutingContext rc) {
    HttpServerRequest req = rc.request();
    String code = rc.pathParam("param0");
    String peer = req.remoteAddress() == null ? null : req.remoteAddress().hostAddress();
    String address = clientAddress.of(peer, req.getHeader("X-Forwarded-For"));
    if (!limiter.tryAcquire(address)) {
      limited.increment();
      rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(limiter.secondsToNextWindow()));
      problem(rc, 429, "ERR_RATE_LIMITED", "Too many requests", "too many redirects from this address; retry later");
      return;
    }
    Instant now = clock.instant();
    // the gateway's country header is believed from the gateway only, as X-Forwarded-For is; from anyone else, GeoIP decides
    Visitor visitor = classifier.classify(req.method().name(), req.getHeader(HttpHeaders.USER_AGENT), address,
        clientAddress.fromProxy(peer, req.getHeader(countryHeader)));
    Context context = Vertx.currentContext();
    resolver.link(code).thenCompose(link -> skuOf(link).thenCompose(sku -> {
      RedirectDecision d = RedirectDecision.decide(link, sku.orElse(null), visitor.isMobile(), now);
      if (!d.redirects() || link.maxVisits() == null || visitor.isBot()) {
        return CompletableFuture.completedFuture(d);
      }
      return resolver.countVisit(code).thenApply(n -> n > link.maxVisits() ? RedirectDecision.EXHAUSTED : d);
    }).thenApply(d -> {
      if (d.redirects()) {
        clicks.offer(click(link, d, visitor, req.getHeader(HttpHeaders.REFERER), now));
      }
      return d;
    })).whenComplete((decision, failure) -> {
      if (Vertx.currentContext() == context) {
        respond(rc, decision, failure);
      } else {
        context.runOnContext(v -> respond(rc, decision, failure));
      }
    });
  }

  private CompletableFuture<Optional<SkuState>> skuOf(LinkView link) {
    if (link.deleted() || link.sku() == null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return resolver.sku(link.sku());
  }

  private void respond(RoutingContext rc, RedirectDecision d, Throwable failure) {
    if (failure != null) {
      LOG.errorf(failure, "redirect of %s failed", rc.pathParam("param0"));
      problem(rc, 503, "ERR_UNAVAILABLE", "Service unavailable", "the link could not be resolved; retry shortly");
    } else if (d.redirects()) {
      rc.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, d.location()).putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .end();
    } else if (d.status() == 404) {
      problem(rc, 404, d.problemCode(), "Not found", "no link has this code");
    } else {
      problem(rc, d.status(), d.problemCode(), "Gone", "ERR_LINK_EXPIRED".equals(d.problemCode()) ? "this link has expired"
          : "this link reached its maximum number of visits");
    }
  }

  /** RFC 9457 problem+json (the texts are constants: nothing from the request is echoed). */
  private static void problem(RoutingContext rc, int status, String code, String title, String detail) {
    rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
    if (rc.request().method() == HttpMethod.HEAD) {
      rc.response().end();
    } else {
      rc.response().end("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
          + "\",\"code\":\"" + code + "\"}");
    }
  }

  private static LinkClickedV1 click(LinkView link, RedirectDecision d, Visitor v, String referer, Instant now) {
    return new LinkClickedV1(randomId(), link.code(), link.sellerId(), v.ipHash(), v.visitorHash(), v.deviceType(),
        v.country(), v.userAgentClass(), v.botReason(), refererHost(referer), d.outcome(), d.fallbackReason(), now);
  }

  /** A random (version 4) UUID from the thread's generator: unique enough for an event id, without SecureRandom's lock. */
  private static String randomId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  private static String refererHost(String referer) {
    if (referer == null || referer.isBlank()) {
      return null;
    }
    try {
      String host = URI.create(referer.trim()).getHost();
      return host == null ? null : host.toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
