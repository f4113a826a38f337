package io.newsflow.ingest.resource;

import io.newsflow.articles.InvalidSubmissionException;
import io.newsflow.events.Problem;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.messaging.ArticleTooLargeException;
import io.newsflow.ingest.messaging.BrokerUnavailableException;
import io.newsflow.ingest.security.BoundedBody;
import io.newsflow.ingest.service.UnsupportedMediaTypeException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json (RFC 9457), never with a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final IngestConfig config;

    public ProblemMappers(IngestConfig config) {
        this.config = config;
    }

    public static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidSubmissionException e) {
        return problem(new Problem("about:blank", "Invalid article", 400, e.getMessage(), e.errors()));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(UnsupportedMediaTypeException e) {
        return problem(Problem.of(415, "Unsupported Media Type", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        LOG.warnf("Answering 503: %s", e.getMessage());
        return Response.fromResponse(problem(Problem.of(503, "Broker unavailable",
                        "The article was not acknowledged by Kafka and is not accepted; retry later.")))
                .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response articleTooLarge(ArticleTooLargeException e) {
        LOG.debugf("Answering 413: %s", e.getMessage());
        return problem(Problem.of(413, "Content Too Large", tooLargeForKafka(e)));
    }

    /** What a client is told when Kafka refuses an article's size (Kafka's own words carry the figures). */
    public static String tooLargeForKafka(ArticleTooLargeException e) {
        return "The article is too large for Kafka and is not accepted: " + e.getMessage();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 415 -> "Send application/json, text/plain or text/html to /articles, application/x-ndjson to /articles/batch.";
            case 413 -> BoundedBody.tooLargeDetail(config.maxBodyBytes());
            default -> e.getMessage();
        };
        return problem(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected error", e);
        return problem(Problem.of(500, "Internal Server Error", "An unexpected error occurred; it has been logged."));
    }
}
