package io.newsflow.ingest.security;

import io.newsflow.events.ApiKeySet;
import io.newsflow.events.Problem;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.resource.ProblemMappers;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs before any ingest endpoint: first the API key (401), then the key's request rate (429), then the
 * announced body size (413) and encoding (415), so that nobody without a key learns anything, and an oversized
 * or compressed body is refused before it is read.
 * Health, metrics and OpenAPI live under {@code /q} and are not filtered here.
 */
public class RequestGate {

    static final String KEY_ID = "newsflow.api-key-id";

    private final ApiKeys apiKeys;
    private final RateLimiter rateLimiter;
    private final IngestConfig config;

    public RequestGate(ApiKeys apiKeys, RateLimiter rateLimiter, IngestConfig config) {
        this.apiKeys = apiKeys;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext ctx) {
        if (!ctx.getUriInfo().getPath().startsWith("/articles")) {
            return Optional.empty();
        }
        Optional<String> keyId = apiKeys.identify(presentedKey(ctx));
        if (keyId.isPresent()) {
            ctx.setProperty(KEY_ID, keyId.get());
            return Optional.empty();
        }
        return Optional.of(Response.fromResponse(ProblemMappers.problem(Problem.of(401, "Unauthorized",
                        "Send a valid API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 50)
    public Optional<Response> limitRate(ContainerRequestContext ctx) {
        Object keyId = ctx.getProperty(KEY_ID);
        if (keyId == null) {
            return Optional.empty(); // not an ingest endpoint
        }
        OptionalLong waitSeconds = rateLimiter.tryAcquire(keyId.toString());
        if (waitSeconds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Response.fromResponse(ProblemMappers.problem(Problem.of(429, "Too Many Requests",
                        "This API key sends more than " + config.rateLimit().requests() + " requests per "
                                + config.rateLimit().period() + "; retry after " + waitSeconds.getAsLong() + " s.")))
                .header(HttpHeaders.RETRY_AFTER, waitSeconds.getAsLong()).build());
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 100)
    public Optional<Response> limitBodySize(ContainerRequestContext ctx) {
        if (ctx.getLength() > config.maxBodyBytes()) {
            return Optional.of(ProblemMappers.problem(Problem.of(413, "Content Too Large",
                    "The body is " + ctx.getLength() + " bytes; the limit is " + config.maxBodyBytes() + " bytes.")));
        }
        return Optional.empty();
    }

    /**
     * Compressed bodies are refused rather than inflated: nothing is decompressed, so a gzip bomb costs us only the
     * bytes sent, and the client learns at once to send the body as it is (the size limit stays meaningful).
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 150)
    public Optional<Response> refuseCompressedBodies(ContainerRequestContext ctx) {
        String encoding = ctx.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (ctx.getProperty(KEY_ID) == null || encoding == null || encoding.isBlank() || encoding.strip().equalsIgnoreCase("identity")) {
            return Optional.empty();
        }
        return Optional.of(ProblemMappers.problem(Problem.of(415, "Unsupported Media Type",
                "Content-Encoding '" + encoding.strip() + "' is not accepted: send the body uncompressed (the limit is "
                        + config.maxBodyBytes() + " bytes).")));
    }

    private static String presentedKey(ContainerRequestContext ctx) {
        return ApiKeySet.presented(ctx.getHeaderString(HttpHeaders.AUTHORIZATION), ctx.getHeaderString("X-API-Key"));
    }
}
