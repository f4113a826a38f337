package io.newsflow.ingest.telemetry;

import io.newsflow.events.Telemetry;
import io.newsflow.events.TraceParent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The W3C trace context of the current request: the caller's {@code traceparent} continued with a span of
 * ingest's own, or a new trace. It goes on the Kafka records of the request, into the MDC of its log lines
 * and back to the caller as the response's {@code traceparent} header.
 */
@RequestScoped
public class RequestTrace {

    private TraceParent trace;

    /** The trace of this request (a new one when no filter set it, e.g. outside an HTTP request). */
    public TraceParent get() {
        if (trace == null) {
            trace = TraceParent.newTrace();
        }
        return trace;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void start(ContainerRequestContext request) {
        trace = TraceParent.continueOrStart(request.getHeaderString(Telemetry.TRACEPARENT));
        MDC.put(Telemetry.MDC_TRACE_ID, trace.traceId());
    }

    @ServerResponseFilter
    public void answer(ContainerResponseContext response) {
        response.getHeaders().putSingle(Telemetry.TRACEPARENT, get().header());
    }
}
