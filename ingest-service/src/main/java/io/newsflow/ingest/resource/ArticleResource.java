package io.newsflow.ingest.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsflow.articles.ArticleSubmission;
import io.newsflow.articles.InvalidSubmissionException;
import io.newsflow.articles.SubmissionParser;
import io.newsflow.articles.SubmissionParser.Metadata;
import io.newsflow.events.Problem;
import io.newsflow.events.TraceParent;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.messaging.ArticleTooLargeException;
import io.newsflow.ingest.messaging.BrokerUnavailableException;
import io.newsflow.ingest.security.Submitter;
import io.newsflow.ingest.service.ArticleIntake;
import io.newsflow.ingest.service.BodyText;
import io.newsflow.ingest.telemetry.RequestTrace;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ingest")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "400", description = "Invalid article, named in errors: a wrong field; a NUL, Unicode non-character or "
        + "unpaired surrogate in any field; publishedAt outside 1600-01-01..9999-12-31; bytes not valid in the body's "
        + "charset; anything after the JSON object", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "415", description = "No Content-Type, a wildcard one, an unsupported type, an unknown charset, "
        + "or JSON in another charset than UTF-8; the detail lists the accepted types", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ArticleResource {

    public static final String NDJSON = "application/x-ndjson";
    private static final String NOT_ACKNOWLEDGED = "not acknowledged by Kafka; retry this line";

    private final SubmissionParser parser;
    private final ArticleIntake intake;
    private final IngestConfig config;
    private final RequestTrace trace;
    private final Submitter submitter;
    private final HttpHeaders headers;

    public ArticleResource(SubmissionParser parser, ArticleIntake intake, IngestConfig config, RequestTrace trace,
                           Submitter submitter, HttpHeaders headers) {
        this.parser = parser;
        this.intake = intake;
        this.config = config;
        this.trace = trace;
        this.submitter = submitter;
        this.headers = headers;
    }

    public record Accepted(String id, String status) {
        static Accepted of(String id) {
            return new Accepted(id, "accepted");
        }
    }

    /** One batch line's outcome: an id when accepted, an error when rejected (absent fields are left out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineResult(int line, String id, String status, String error) {
    }

    public record BatchResult(int accepted, int rejected, List<LineResult> results) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one article as JSON", description = "Exactly one of text / html. 202 once Kafka acknowledged it.")
    @RequestBody(description = "{\"title\"?, \"text\"?, \"html\"?, \"url\"?, \"source\"?, \"publishedAt\"?, \"language\"?, \"externalId\"?}")
    @APIResponse(responseCode = "202", description = "Accepted: the article will be stored")
    public Uni<Response> submitJson(byte[] body) {
        return accept(parser.fromJson(text(body)));
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Submit one article as plain text", description = "The first non-blank line is the title, the rest the body.")
    @APIResponse(responseCode = "202", description = "Accepted: the article will be stored")
    public Uni<Response> submitText(byte[] body, @QueryParam("url") String url, @QueryParam("source") String source,
                                    @QueryParam("publishedAt") String publishedAt, @QueryParam("language") String language,
                                    @QueryParam("externalId") String externalId) {
        return accept(parser.fromPlainText(text(body), new Metadata(url, source, publishedAt, language, externalId)));
    }

    @POST
    @Consumes(MediaType.TEXT_HTML)
    @Operation(summary = "Submit a whole web page", description = "Title, publication date and main text are taken from the page.")
    @APIResponse(responseCode = "202", description = "Accepted: the article will be stored")
    public Uni<Response> submitHtml(byte[] body, @QueryParam("url") String url, @QueryParam("source") String source,
                                    @QueryParam("publishedAt") String publishedAt, @QueryParam("language") String language,
                                    @QueryParam("externalId") String externalId) {
        return accept(parser.fromHtml(text(body), new Metadata(url, source, publishedAt, language, externalId)));
    }

    @POST
    @Path("/batch")
    @Consumes(NDJSON)
    @Operation(summary = "Submit many articles, one JSON article per line",
            description = "Each line is accepted or rejected on its own; one bad line never rejects the good ones.")
    public Uni<BatchResult> submitBatch(byte[] body) {
        List<String> lines = text(body).lines().toList();
        long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
        if (nonBlank == 0) {
            throw new InvalidSubmissionException("The batch holds no article.");
        }
        if (nonBlank > config.maxBatchLines()) {
            throw new InvalidSubmissionException("The batch holds " + nonBlank + " articles; at most "
                    + config.maxBatchLines() + " are accepted in one request.");
        }
        List<Uni<LineResult>> results = new ArrayList<>();
        TraceParent batchTrace = trace.get();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                results.add(acceptLine(i + 1, lines.get(i), batchTrace));
            }
        }
        return Uni.join().all(results).andFailFast().map(ArticleResource::summarise);
    }

    private Uni<LineResult> acceptLine(int line, String json, TraceParent batchTrace) {
        ArticleSubmission submission;
        try {
            submission = parser.fromJson(json);
        } catch (InvalidSubmissionException e) {
            return Uni.createFrom().item(new LineResult(line, null, "rejected", e.summary()));
        }
        return intake.accept(submission, batchTrace, submitter.label())
                .map(id -> new LineResult(line, id, "accepted", null))
                .onFailure(BrokerUnavailableException.class)
                .recoverWithItem(e -> new LineResult(line, null, "rejected", NOT_ACKNOWLEDGED))
                .onFailure(ArticleTooLargeException.class)
                .recoverWithItem(e -> new LineResult(line, null, "rejected", ProblemMappers.tooLargeForKafka((ArticleTooLargeException) e)));
    }

    private static BatchResult summarise(List<LineResult> results) {
        int accepted = (int) results.stream().filter(r -> r.id() != null).count();
        boolean brokerDown = accepted == 0 && results.stream().anyMatch(r -> NOT_ACKNOWLEDGED.equals(r.error()));
        if (brokerDown) {
            // nothing got through because of the broker: the whole request is to be retried
            throw new BrokerUnavailableException("Kafka acknowledged none of the batch", null);
        }
        return new BatchResult(accepted, results.size() - accepted, results);
    }

    /** The body as text, once it is known to be within the size limit (chunked bodies announce no length). */
    private String text(byte[] body) {
        if (body.length > config.maxBodyBytes()) {
            throw new WebApplicationException(413);
        }
        return BodyText.decode(body, headers.getMediaType());
    }

    private Uni<Response> accept(ArticleSubmission submission) {
        return intake.accept(submission, trace.get(), submitter.label())
                .map(id -> Response.accepted(Accepted.of(id)).build());
    }
}
