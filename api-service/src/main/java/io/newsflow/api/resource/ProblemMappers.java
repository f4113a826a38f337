package io.newsflow.api.resource;

import io.newsflow.api.service.NotFoundException;
import io.newsflow.events.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Every error leaves as application/problem+json (RFC 9457), never with a stack trace. Client errors (4xx) log at most
 * one DEBUG line: anyone can send them, and they say nothing about the service's health.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        LOG.debugf("400 invalid parameter %s: %s", e.parameter(), e.getMessage());
        return problem(new Problem("about:blank", "Invalid parameter", 400,
                "Parameter '" + e.parameter() + "' " + e.getMessage() + ".",
                List.of(new Problem.FieldError(e.parameter(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        LOG.debugf("404 %s", e.getMessage());
        return problem(Problem.of(404, "Not Found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        LOG.debugf("%d %s", status.getStatusCode(), e.getMessage());
        return problem(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response tooManyStreamClients(StreamResource.TooManyClientsException e) {
        LOG.debugf("503 %s", e.getMessage());
        return Response.fromResponse(problem(Problem.of(503, "Service Unavailable", e.getMessage())))
                .header(HttpHeaders.RETRY_AFTER, StreamResource.TooManyClientsException.RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected error", e);
        return problem(Problem.of(500, "Internal Server Error", "An unexpected error occurred; it has been logged."));
    }
}
