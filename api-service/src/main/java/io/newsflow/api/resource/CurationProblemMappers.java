package io.newsflow.api.resource;

import io.newsflow.api.service.CurationConflictException;
import io.newsflow.api.service.InvalidCurationException;
import io.newsflow.events.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

import static io.newsflow.support.web.CommonProblemMappers.problem;

/** The errors of corrections to the entity index, as application/problem+json (the rest: {@link ProblemMappers}). */
public class CurationProblemMappers {

    private static final Logger LOG = Logger.getLogger(CurationProblemMappers.class);

    @ServerExceptionMapper
    public Response conflict(CurationConflictException e) {
        LOG.debugf("409 %s", e.getMessage());
        return problem(Problem.of(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidCurationException e) {
        LOG.debugf("400 %s %s", e.field(), e.getMessage());
        return problem(new Problem("about:blank", "Invalid field", 400, "Field '" + e.field() + "' " + e.getMessage() + ".",
                List.of(new Problem.FieldError(e.field(), e.getMessage()))));
    }
}
