package io.newsflow.api.resource;

import io.newsflow.events.Problem;
import io.newsflow.support.web.CommonProblemMappers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parameters that fail their Bean Validation constraints ({@link ValidParam}) are 400 problem+json, in the shape of
 * {@link ProblemMappers#invalidParameter}: one field error per broken rule, named by the parameter.
 */
public class ValidationProblems {

    private static final Logger LOG = Logger.getLogger(ValidationProblems.class);

    @ServerExceptionMapper
    public Response invalidParameters(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(parameter(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> "Parameter '" + f.field() + "' " + f.message() + ".")
                .collect(Collectors.joining(" "));
        LOG.debugf("400 invalid parameters: %s", detail);
        return CommonProblemMappers.problem(new Problem("about:blank", "Invalid parameter", 400, detail, errors));
    }

    /** The last node of the violation's path: the parameter's name (the code is compiled with -parameters). */
    private static String parameter(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name;
    }
}
