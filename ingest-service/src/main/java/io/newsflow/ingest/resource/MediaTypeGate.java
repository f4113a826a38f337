package io.newsflow.ingest.resource;

import io.newsflow.events.Problem;
import io.newsflow.ingest.service.BodyText;
import io.newsflow.ingest.service.UnsupportedMediaTypeException;
import io.newsflow.support.web.CommonProblemMappers;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Refuses (415), before the body is read, a submission whose Content-Type cannot say how to read it: none, a
 * wildcard ({@code *}{@code /*}, {@code application/*}), one that does not parse, an unknown charset, or JSON in
 * another charset than UTF-8. Guessing would store the raw JSON as a plain-text article, or mojibake.
 * Runs after the key, rate and size checks of {@link io.newsflow.ingest.security.RequestGate}.
 */
public class MediaTypeGate {

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 175)
    public Optional<Response> checkContentType(ContainerRequestContext ctx) {
        if (!HttpMethod.POST.equals(ctx.getMethod()) || !ctx.getUriInfo().getPath().startsWith("/articles")) {
            return Optional.empty();
        }
        String header = ctx.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header == null || header.isBlank()) {
            return unsupported("The request has no Content-Type. " + BodyText.ACCEPTED);
        }
        MediaType type;
        try {
            type = MediaType.valueOf(header.strip());
        } catch (IllegalArgumentException e) {
            return unsupported("The Content-Type '" + header.strip() + "' cannot be read. " + BodyText.ACCEPTED);
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return unsupported("The Content-Type '" + header.strip() + "' is a wildcard: say what the body is. " + BodyText.ACCEPTED);
        }
        try {
            BodyText.declaredCharset(type);
        } catch (UnsupportedMediaTypeException e) {
            return unsupported(e.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<Response> unsupported(String detail) {
        return Optional.of(CommonProblemMappers.problem(Problem.of(415, "Unsupported Media Type", detail)));
    }
}
