package com.sellergrowth.shortlink.redirect;

import com.sellergrowth.shortlink.config.ShortlinkConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Traces the API and the consumers fully, and public redirects at {@code shortlink.redirect.trace-ratio} (1% by default):
 * tracing every redirect cost about 15% of the event loops' time (docs/benchmarks.md), and one redirect in a hundred
 * shows the path well. A redirect that arrives with a sampled parent is always traced (parent-based). Quarkus uses a
 * {@link Sampler} bean in place of its configured one.
 */
@Singleton
public class RedirectTraceSampler {
  private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");
  private static final Pattern REDIRECT = Pattern.compile(RedirectRoute.PATH);

  @Produces
  @Singleton
  Sampler sampler(ShortlinkConfig config) {
    Sampler all = Sampler.parentBased(Sampler.alwaysOn());
    Sampler redirects = Sampler.parentBased(Sampler.traceIdRatioBased(config.redirect().traceRatio()));
    return new Sampler() {
      @Override
      public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind, Attributes attributes,
          List<LinkData> links) {
        if (kind == SpanKind.SERVER) {
          String path = attributes.get(URL_PATH);
          if (path == null) {
            path = attributes.get(HTTP_TARGET);
          }
          if (path != null && REDIRECT.matcher(path).matches()) {
            return redirects.shouldSample(parent, traceId, name, kind, attributes, links);
          }
        }
        return all.shouldSample(parent, traceId, name, kind, attributes, links);
      }

      @Override
      public String getDescription() {
        return "RedirectTraceSampler{redirects=" + redirects.getDescription() + ", others=" + all.getDescription() + "}";
      }
    };
  }
}
