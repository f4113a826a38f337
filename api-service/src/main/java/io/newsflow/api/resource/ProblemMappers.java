package io.newsflow.api.resource;

import io.newsflow.api.service.InvalidParameterException;
import io.newsflow.api.service.NotFoundException;
import io.newsflow.events.Problem;
import io.newsflow.support.web.CommonProblemMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import static io.newsflow.support.web.CommonProblemMappers.problem;

import java.util.List;

/**
 * The errors of the query API's own making, as application/problem+json (RFC 9457); the rest (other HTTP errors,
 * unexpected ones) are service-support's {@link CommonProblemMappers}. Client errors (4xx) log at most one DEBUG
 * line: anyone can send them, and they say nothing about the service's health.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

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
    public Response tooManyStreamClients(StreamResource.TooManyClientsException e) {
        LOG.debugf("503 %s", e.getMessage());
        return Response.fromResponse(problem(Problem.of(503, "Service Unavailable", e.getMessage())))
                .header(HttpHeaders.RETRY_AFTER, StreamResource.TooManyClientsException.RETRY_AFTER_SECONDS).build();
    }
}
