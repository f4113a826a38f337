package io.newsflow.ingest.security;

import io.newsflow.events.Problem;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.support.security.ApiKeySet;
import io.newsflow.support.web.CommonProblemMappers;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs before any ingest endpoint: first the message framing (400), then the API key (401), the key's request
 * rate (429), the announced body size (413) and encoding (415), so that nobody without a key learns anything, and
 * an oversized or compressed body is refused before it is read. Once {@link BoundedBody} has read a batch, its
 * articles are charged to the rate limit too (one token per line).
 * Health, metrics and OpenAPI live under {@code /q} and are not filtered here.
 */
public class RequestGate {

    public static final String KEY_ID = "newsflow.api-key-id";

    private static final Logger LOG = Logger.getLogger(RequestGate.class);

    /** The configured ingest keys ({@code newsflow.ingest.api-keys}), hashed, compared in constant time, never logged. */
    private final ApiKeySet apiKeys;
    private final RateLimiter rateLimiter;
    private final IngestConfig config;

    public RequestGate(RateLimiter rateLimiter, IngestConfig config) {
        this.apiKeys = new ApiKeySet(config.apiKeys().orElse(List.of()));
        if (apiKeys.isEmpty()) {
            LOG.warn("No ingest API key is configured (newsflow.ingest.api-keys / NEWSFLOW_API_KEY): every ingest request will get 401.");
        }
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    /**
     * Only {@code Transfer-Encoding: chunked}, alone, frames a body we read: any other coding (`xchunked`, `gzip,
     * chunked`) or a Content-Length beside it means a proxy in front may have cut the message elsewhere than we do
     * (request smuggling), so the request is refused and the connection closed.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 50)
    public Optional<Response> refuseAmbiguousFraming(ContainerRequestContext ctx) {
        List<String> encodings = ctx.getHeaders().get("Transfer-Encoding");
        if (encodings == null || encodings.isEmpty()) {
            return Optional.empty();
        }
        String detail = null;
        if (encodings.size() > 1 || !encodings.get(0).strip().equalsIgnoreCase("chunked")) {
            detail = "Transfer-Encoding '" + String.join(", ", encodings) + "' is not accepted: send 'chunked' or a Content-Length.";
        } else if (ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH) != null) {
            detail = "Transfer-Encoding and Content-Length together are not accepted: send one of them.";
        }
        if (detail == null) {
            return Optional.empty();
        }
        return Optional.of(Response.fromResponse(CommonProblemMappers.problem(Problem.of(400, "Bad Request", detail)))
                .header("Connection", "close").build());
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
        return Optional.of(Response.fromResponse(CommonProblemMappers.problem(Problem.of(401, "Unauthorized",
                        "Send a valid API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }

    /** One token per request, before anything is read; a batch pays for its other articles once read. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 50)
    public Optional<Response> limitRate(ContainerRequestContext ctx) {
        Object keyId = ctx.getProperty(KEY_ID);
        if (keyId == null) {
            return Optional.empty(); // not an ingest endpoint
        }
        OptionalLong waitSeconds = rateLimiter.tryAcquire(keyId.toString());
        return waitSeconds.isEmpty() ? Optional.empty() : Optional.of(tooManyRequests(waitSeconds.getAsLong()));
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 100)
    public Optional<Response> limitBodySize(ContainerRequestContext ctx) {
        if (ctx.getProperty(KEY_ID) != null && ctx.getLength() > config.maxBodyBytes()) {
            return Optional.of(BoundedBody.tooLarge(config.maxBodyBytes()));
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
        return Optional.of(CommonProblemMappers.problem(Problem.of(415, "Unsupported Media Type",
                "Content-Encoding '" + encoding.strip() + "' is not accepted: send the body uncompressed (the limit is "
                        + config.maxBodyBytes() + " bytes).")));
    }

    /**
     * A batch of N articles takes N tokens: the one {@link #limitRate} took and N - 1 more now that the lines are
     * counted. A batch larger than the whole burst could never pass, so it is told so (413) rather than to retry.
     */
    @ServerRequestFilter(priority = Priorities.ENTITY_CODER + 10)
    public Optional<Response> chargeBatchArticles(ContainerRequestContext ctx) {
        Object keyId = ctx.getProperty(KEY_ID);
        if (keyId == null || !rateLimiter.enabled() || !(ctx.getProperty(BoundedBody.BODY) instanceof byte[] body)
                || !ctx.getUriInfo().getPath().startsWith("/articles/batch")) {
            return Optional.empty();
        }
        long articles = BatchLines.count(body);
        if (articles > rateLimiter.capacity()) {
            return Optional.of(CommonProblemMappers.problem(Problem.of(413, "Content Too Large",
                    "The batch holds " + articles + " articles; an API key may send at most " + rateLimiter.capacity()
                            + " at once (newsflow.ingest.rate-limit.burst, env NEWSFLOW_INGEST_RATE_LIMIT_BURST): "
                            + "send them in smaller batches.")));
        }
        OptionalLong waitSeconds = rateLimiter.tryAcquire(keyId.toString(), articles - 1);
        return waitSeconds.isEmpty() ? Optional.empty() : Optional.of(tooManyRequests(waitSeconds.getAsLong()));
    }

    private Response tooManyRequests(long waitSeconds) {
        return Response.fromResponse(CommonProblemMappers.problem(Problem.of(429, "Too Many Requests",
                        "This API key sends more than " + config.rateLimit().requests() + " articles per "
                                + config.rateLimit().period() + " (a batch counts each of its articles); retry after "
                                + waitSeconds + " s.")))
                .header(HttpHeaders.RETRY_AFTER, waitSeconds).build();
    }

    private static String presentedKey(ContainerRequestContext ctx) {
        return ApiKeySet.presented(ctx.getHeaderString(HttpHeaders.AUTHORIZATION), ctx.getHeaderString("X-API-Key"));
    }
}
