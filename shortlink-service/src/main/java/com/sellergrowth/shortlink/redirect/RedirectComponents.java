package com.sellergrowth.shortlink.redirect;

import com.sellergrowth.shortlink.config.ShortlinkConfig;
import com.sellergrowth.support.ratelimit.FixedWindowRateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** CDI producers of the redirect path's plain components, built once from configuration. */
@ApplicationScoped
public class RedirectComponents {
  private ClickPublisher clicks;

  @Produces
  @Singleton
  ClickPublisher clickPublisher(ShortlinkConfig config, MeterRegistry registry,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      @ConfigProperty(name = "quarkus.application.name") String applicationName) {
    clicks = new ClickPublisher(kafka, applicationName, config.clicks().bufferCapacity(), config.clicks().batchSize(),
        config.clicks().deliveryTimeout(), registry);
    return clicks;
  }

  @Produces
  @Singleton
  VisitorClassifier visitorClassifier(ShortlinkConfig config) {
    return new VisitorClassifier(config.redirect().botMarkers(), config.clicks().hashKey(), config.redirect().geoipDatabase());
  }

  @Produces
  @Singleton
  @RedirectLimiter
  FixedWindowRateLimiter redirectLimiter(ShortlinkConfig config, Clock clock) {
    return new FixedWindowRateLimiter(config.redirect().rateLimitPerIp(), config.redirect().rateLimitWindow(), 100_000, clock);
  }

  /** Flush on shutdown: every click queued before the HTTP server stopped is published (SHL-6). */
  void onStop(@Observes ShutdownEvent event) {
    if (clicks != null) {
      clicks.close();
    }
  }
}
