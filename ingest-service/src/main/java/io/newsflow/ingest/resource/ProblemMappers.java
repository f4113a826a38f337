package io.newsflow.ingest.resource;

import io.newsflow.articles.InvalidSubmissionException;
import io.newsflow.events.Problem;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.messaging.ArticleTooLargeException;
import io.newsflow.ingest.messaging.BrokerUnavailableException;
import io.newsflow.ingest.security.BoundedBody;
import io.newsflow.ingest.service.UnsupportedMediaTypeException;
import io.newsflow.support.web.CommonProblemMappers;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import static io.newsflow.support.web.CommonProblemMappers.problem;

/**
 * The errors of ingest's own making, as application/problem+json (RFC 9457); the rest (unexpected errors) are
 * service-support's {@link CommonProblemMappers}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final IngestConfig config;

    public ProblemMappers(IngestConfig config) {
        this.config = config;
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

    /** Before the shared mapper of the same exception: ingest tells what it accepts instead. */
    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 415 -> "Send application/json, text/plain or text/html to /articles, application/x-ndjson to /articles/batch.";
            case 413 -> BoundedBody.tooLargeDetail(config.maxBodyBytes());
            default -> e.getMessage();
        };
        return problem(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
    }
}
