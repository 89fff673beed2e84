package com.sellergrowth.shortlink.api;

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
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A server span for every request of the REST API, continuing the caller's {@code traceparent}. This service turns the
 * Vert.x HTTP instrumentation off (it cost a fifth of the redirect path, docs/benchmarks.md), so the API opens its own
 * spans here: the events its commands write to the outbox keep carrying the trace (SPEC section 9). Public redirects,
 * which are not REST resources, are not traced.
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

  public ApiServerSpans(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("shortlink-service.api");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  @ServerRequestFilter
  public void start(ContainerRequestContext request, ResourceInfo resource) {
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
