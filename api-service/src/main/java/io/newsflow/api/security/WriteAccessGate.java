package io.newsflow.api.security;

import io.newsflow.events.Problem;
import io.newsflow.support.web.CommonProblemMappers;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * Runs before every correction of the entity index (any request but GET / HEAD / OPTIONS under {@code /entities} and
 * {@code /curations}): without a write key 401, with a read key that is not one 403, problem+json either way.
 */
public class WriteAccessGate {

    private static final Set<String> PROTECTED = Set.of("entities", "curations");
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final WriteAccess access;

    public WriteAccessGate(WriteAccess access) {
        this.access = access;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 1)
    public Optional<Response> authenticate(ContainerRequestContext ctx) {
        if (READS.contains(ctx.getMethod()) || !PROTECTED.contains(ReadAccessGate.firstSegment(ctx.getUriInfo().getPath()))) {
            return Optional.empty();
        }
        String authorization = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        String apiKey = ctx.getHeaderString("X-API-Key");
        Optional<String> curator = access.curator(authorization, apiKey, cookie(ctx, WriteAccess.COOKIE));
        if (curator.isPresent()) {
            ctx.setSecurityContext(new CuratorContext(curator.get(), ctx.getSecurityContext().isSecure()));
            return Optional.empty();
        }
        if (access.readOnly(authorization, apiKey, cookie(ctx, ReadAccess.COOKIE))) {
            return Optional.of(CommonProblemMappers.problem(Problem.of(403, "Forbidden",
                    "This key may read but not correct the entity index: that needs a write key (NEWSFLOW_API_WRITE_KEYS).")));
        }
        Problem problem = Problem.of(401, "Unauthorized", "Correcting the entity index needs a write key: send it as "
                + "'Authorization: Bearer <key>' or 'X-API-Key: <key>', or sign in at POST /session/write.");
        return Optional.of(Response.fromResponse(CommonProblemMappers.problem(problem))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }

    private static String cookie(ContainerRequestContext ctx, String name) {
        Cookie cookie = ctx.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }
}
