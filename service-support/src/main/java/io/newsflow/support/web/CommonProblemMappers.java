package io.newsflow.support.web;

import io.newsflow.events.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The error mappers every service shares: every error leaves as application/problem+json (RFC 9457), never with a
 * stack trace. Client errors (4xx) log at most one DEBUG line: anyone can send them, and they say nothing about the
 * service's health. A service maps its own exceptions in its own {@code resource/ProblemMappers}, and may word a
 * status its own way with a mapper of a higher priority (a lower number) than these.
 */
public class CommonProblemMappers {

    private static final Logger LOG = Logger.getLogger(CommonProblemMappers.class);

    /** The problem as a response: its status, {@code application/problem+json}, the problem as body. */
    public static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        LOG.debugf("%d %s", status.getStatusCode(), e.getMessage());
        return problem(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected error", e);
        return problem(Problem.of(500, "Internal Server Error", "An unexpected error occurred; it has been logged."));
    }
}
