package io.newsflow.api.security;

import io.newsflow.events.Problem;
import io.newsflow.support.web.CommonProblemMappers;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * Runs before the query endpoints when a read key is configured: without a valid key, 401 problem+json. The web
 * UI's files, {@code /session} (to sign in) and {@code /q} (health, metrics) stay open.
 */
public class ReadAccessGate {

    private static final Set<String> PROTECTED = Set.of("articles", "entities", "stream", "sources", "curations");

    private final ReadAccess access;

    public ReadAccessGate(ReadAccess access) {
        this.access = access;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext ctx) {
        if (!access.required() || !PROTECTED.contains(firstSegment(ctx.getUriInfo().getPath()))) {
            return Optional.empty();
        }
        Cookie cookie = ctx.getCookies().get(ReadAccess.COOKIE);
        if (access.allows(ctx.getHeaderString(HttpHeaders.AUTHORIZATION), ctx.getHeaderString("X-API-Key"),
                cookie == null ? null : cookie.getValue())) {
            return Optional.empty();
        }
        Problem problem = Problem.of(401, "Unauthorized", "This Newsflow needs a read key: send it as "
                + "'Authorization: Bearer <key>' or 'X-API-Key: <key>', or sign in at POST /session.");
        return Optional.of(Response.fromResponse(CommonProblemMappers.problem(problem))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }

    static String firstSegment(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }
}
