package com.sellergrowth.support.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A server span for every request of the REST API, continuing the caller's {@code traceparent}, for services that turn
 * Quarkus' per-request Vert.x HTTP instrumentation off ({@code quarkus.otel.instrument.vertx-http=false}): it ran on every
 * request even when sampled out and cost 15-20% of a hot path (docs/benchmarks.md). With it off, this filter keeps the
 * API traced, so the events its commands write to the outbox keep carrying the trace (SPEC section 9); plain Vert.x
 * routes (the public redirect) are not traced. With the instrumentation on, the filter does nothing.
 */
public class ApiServerSpans {
  private static final String SPAN = ApiServerSpans.class.getName() + ".span";
  private static final String SCOPE = ApiServerSpans.class.getName() + ".scope";
  private static final TextMapGetter<ContainerRequestContext> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(ContainerRequestContext carrier) {
      return carrier.getHeaders().keySet();
    }

    @Override
    public String get(ContainerRequestContext carrier, String key) {
      return carrier == null ? null : carrier.getHeaderString(key);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final boolean enabled;

  public ApiServerSpans(OpenTelemetry openTelemetry,
      @ConfigProperty(name = "quarkus.otel.instrument.vertx-http", defaultValue = "true") boolean vertxHttpInstrumented) {
    this.tracer = openTelemetry.getTracer("sellergrowth.api");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.enabled = !vertxHttpInstrumented;
  }

  @ServerRequestFilter
  public void start(ContainerRequestContext request, ResourceInfo resource) {
    if (!enabled) {
      return;
    }
    Context parent = propagator.extract(Context.current(), request, HEADERS);
    String method = request.getMethod();
    String route = resource.getResourceMethod() == null ? request.getUriInfo().getPath()
        : resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
    Span span = tracer.spanBuilder(method + " " + route).setSpanKind(SpanKind.SERVER).setParent(parent)
        .setAttribute("http.request.method", method).setAttribute("url.path", request.getUriInfo().getPath()).startSpan();
    request.setProperty(SPAN, span);
    request.setProperty(SCOPE, parent.with(span).makeCurrent());
  }

  @ServerResponseFilter
  public void end(ContainerRequestContext request, ContainerResponseContext response) {
    Span span = (Span) request.getProperty(SPAN);
    if (span == null) {
      return;
    }
    span.setAttribute("http.response.status_code", response.getStatus());
    if (response.getStatus() >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
    Scope scope = (Scope) request.getProperty(SCOPE);
    if (scope != null) {
      scope.close();
    }
  }
}
