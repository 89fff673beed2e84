package com.sellergrowth.attribution.redirect;

import com.sellergrowth.attribution.config.AttributionConfig;
import com.sellergrowth.attribution.domain.LinkKeys;
import com.sellergrowth.attribution.domain.LinkSigner;
import com.sellergrowth.events.attribution.ClickAttributedV1;
import com.sellergrowth.events.attribution.ClickRejectedV1;
import com.sellergrowth.support.ids.TimeOrderedIds;
import com.sellergrowth.support.inbox.Failures;
import com.sellergrowth.support.http.ClientAddress;
import com.sellergrowth.support.ratelimit.FixedWindowRateLimiter;
import com.sellergrowth.support.targets.TargetPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The public redirect {@code GET /af/{codeId}?...} of marketing-code links (ATR-3, ATR-6, ATR-9; ADR 9), a plain Vert.x route:
 * the signature is checked in memory (no lookup), the click is written to the outbox with group commit, and the visitor is
 * sent to the code's target with its UTM parameters exactly as the seller typed them plus {@code af_click=<click id>} (the
 * storefront passes it on as the order's {@code attributionClickId}). A link whose signature fails is counted as an invalid
 * click (SIGNATURE) and sends the visitor to the marketplace's home page, never to anything the tampered link says.
 */
@ApplicationScoped
public class RedirectRoute {
  private static final Logger LOG = Logger.getLogger(RedirectRoute.class);
  static final String PATH = "/af/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";
  static final String DEVICE_COOKIE = "sgp_did";
  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
  private static final Pattern SELLER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int MAX_USER_AGENT = 512;

  private final LinkSigner signer;
  private final TargetPolicy targets;
  private final ClickRecorder recorder;
  private final FixedWindowRateLimiter limiter;
  private final ClientAddress clientAddress;
  private final Clock clock;
  private final String fallbackPage;
  private final String deviceHeader;
  private final ThreadLocal<Mac> ipHash;
  private final Counter limited;

  public RedirectRoute(AttributionConfig config, ClickRecorder recorder, Clock clock, MeterRegistry registry) {
    this.signer = new LinkSigner(LinkKeys.parse(config.links().keys(), config.links().activeKey()));
    this.targets = new TargetPolicy(config.targets().allowedHosts());
    this.recorder = recorder;
    this.limiter = new FixedWindowRateLimiter(config.redirect().rateLimitPerIp(), Duration.ofMinutes(1), 100_000, clock);
    this.clientAddress = new ClientAddress(config.redirect().trustedProxies());
    this.clock = clock;
    this.fallbackPage = config.targets().fallbackPage();
    this.deviceHeader = config.redirect().deviceHeader();
    byte[] key = config.clicks().hashKey().getBytes(StandardCharsets.UTF_8);
    this.ipHash = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac;
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException(e);
      }
    });
    this.limited = registry.counter("attribution.redirects.rate_limited");
  }

  void register(@Observes Router router) {
    router.getWithRegex(PATH).handler(this::handle);
  }

  void handle(RoutingContext rc) {
    HttpServerRequest req = rc.request();
    String address = clientAddress.of(req.remoteAddress() == null ? null : req.remoteAddress().hostAddress(), req.getHeader("X-Forwarded-For"));
    if (!limiter.tryAcquire(address)) {
      limited.increment();
      rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(limiter.secondsToNextWindow()));
      problem(rc, 429, "ERR_RATE_LIMITED", "Too many requests", "too many redirects from this address; retry later");
      return;
    }
    UUID codeId = UUID.fromString(rc.pathParam("param0"));
    Instant now = clock.instant();
    UUID clickId = TimeOrderedIds.next();
    LinkSigner.Verification v = signer.verify(codeId, req.query(), now);
    String location;
    Record click;
    if (v.ok() && targets.check(v.verified().target(), "t", new ArrayList<>()) != null) {
      String device = device(rc);
      String target = v.verified().target();
      int hash = target.indexOf('#');
      String base = hash < 0 ? target : target.substring(0, hash);
      String fragment = hash < 0 ? "" : target.substring(hash);
      location = base + (base.indexOf('?') < 0 ? '?' : '&') + v.verified().utm().query() + "&af_click=" + clickId + fragment;
      String ua = req.getHeader(HttpHeaders.USER_AGENT);
      click = new ClickAttributedV1(clickId.toString(), codeId.toString(), v.verified().sellerId(), device, hash(address),
          ua == null || ua.isBlank() ? null : ua.length() > MAX_USER_AGENT ? ua.substring(0, MAX_USER_AGENT) : ua, now);
    } else {
      location = fallbackPage;
      // what the link claims, unverified: kept only if it looks like a seller id (the consumer takes the code's real owner)
      String seller = v.claimedSellerId() != null && SELLER_ID.matcher(v.claimedSellerId()).matches() ? v.claimedSellerId() : "unknown";
      click = new ClickRejectedV1(clickId.toString(), codeId.toString(), seller, "SIGNATURE", now);
    }
    recorder.record(clickId, codeId.toString(), click, now).subscribe().with(ok -> rc.response().setStatusCode(302)
        .putHeader(HttpHeaders.LOCATION, location).putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(), failure -> {
          LOG.warnf("click %s not recorded: %s", clickId, failure.getMessage());
          if (Failures.isOutage(failure)) {
            rc.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(rc, 503, "ERR_UNAVAILABLE", "Service unavailable", "the click could not be recorded; retry shortly");
          } else {
            problem(rc, 500, "ERR_INTERNAL", "Internal error", "an unexpected error occurred");
          }
        });
  }

  /** The marketplace's device id (its apps' header, else our first-party cookie); a new one is issued as a cookie. */
  private String device(RoutingContext rc) {
    String header = rc.request().getHeader(deviceHeader);
    if (header != null && DEVICE_ID.matcher(header).matches()) {
      return header;
    }
    Cookie cookie = rc.request().getCookie(DEVICE_COOKIE);
    if (cookie != null && DEVICE_ID.matcher(cookie.getValue()).matches()) {
      return cookie.getValue();
    }
    String id = UUID.randomUUID().toString();
    rc.response().addCookie(Cookie.cookie(DEVICE_COOKIE, id).setPath("/").setMaxAge(Duration.ofDays(365).toSeconds()).setHttpOnly(true)
        .setSecure(true).setSameSite(CookieSameSite.LAX));
    return id;
  }

  private String hash(String address) {
    return HexFormat.of().formatHex(ipHash.get().doFinal(address.getBytes(StandardCharsets.UTF_8)), 0, 16);
  }

  private static void problem(RoutingContext rc, int status, String code, String title, String detail) {
    rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
        .end("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code
            + "\"}");
  }
}
