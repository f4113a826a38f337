package io.newsflow.enrich.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.enrich.service.ArticleEnrichment;
import io.newsflow.enrichment.Enricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.PoisonRecordException;
import io.newsflow.events.RawArticle;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.newsflow.events.TraceParent;
import io.newsflow.support.retry.RetryBackoff;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * articles.raw -> enrichment -> articles.enriched, keyed by article id. The raw record is acknowledged
 * (and its offset committed) only once Kafka acknowledged the enriched record; a broker that is away is
 * waited for with backoff. A record that cannot be processed (unreadable, from a future schema, the extractor
 * throws anything on it, Errors such as StackOverflowError included, or its enriched record is too large for
 * Kafka) is nacked, which sends it to articles.raw.dlq with the reason in its headers, and the partition moves
 * on. The record's W3C {@code traceparent} header goes on to the enriched record as a child span of the same
 * trace; its {@code newsflow-submitted-by} header is copied as it is.
 *
 * <p>Shutting down ends any wait at once and leaves the record neither acknowledged nor nacked: its offset
 * stays uncommitted, so it is enriched again by the next consumer of the partition, and it never goes to the DLQ.
 */
@ApplicationScoped
@Startup // its metrics exist from the start, not from the first record
public class RawArticleProcessor {

    private static final Logger LOG = Logger.getLogger(RawArticleProcessor.class);
    /** Above the producer's delivery.timeout.ms: the producer gives up first and says why. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(150);

    private final ArticleEnrichment enrichment;
    private final ObjectMapper json;
    private final MutinyEmitter<EnrichedArticle> enrichedOut;
    private final Timer enrichTimer;
    private final Counter sendRetries;
    private final Counter articlesIn;
    private final Counter articlesOut;
    private final Counter deadLettered;
    private final RetryBackoff backoff = new RetryBackoff();

    public RawArticleProcessor(Enricher enricher, ArticleEnrichment enrichment, ObjectMapper json, MeterRegistry registry,
                               @Channel("articles-enriched") MutinyEmitter<EnrichedArticle> enrichedOut) {
        this.enrichment = enrichment;
        this.json = json;
        this.enrichedOut = enrichedOut;
        this.enrichTimer = Timer.builder(Telemetry.ENRICH_DURATION).description("Time to enrich one article")
                .publishPercentileHistogram().register(registry);
        // read from the enricher's own counter: correct with several records in flight at once
        FunctionCounter.builder("newsflow.enrich.tokens", enricher, Enricher::tokensProcessed)
                .description("Tokens processed by the NER tagger").register(registry);
        this.sendRetries = Counter.builder("newsflow.enrich.send.retries")
                .description("Enriched records Kafka did not acknowledge, sent again").register(registry);
        this.articlesIn = Counter.builder(Telemetry.ARTICLES_IN).description("Raw records consumed").register(registry);
        this.articlesOut = Counter.builder(Telemetry.ARTICLES_OUT).description("Enriched records acknowledged by Kafka")
                .register(registry);
        this.deadLettered = Counter.builder(Telemetry.DLQ_RECORDS).tag(Telemetry.TAG_TOPIC, Topics.RAW_DLQ)
                .description("Records sent to a dead-letter topic").register(registry);
    }

    /** Runs before the messaging connectors close: a record still waiting for the broker is let go, uncommitted. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        backoff.stop();
    }

    @Incoming("articles-raw")
    @Blocking
    public CompletionStage<Void> process(Message<String> in) {
        var incoming = in.getMetadata(IncomingKafkaRecordMetadata.class);
        TraceParent trace = incoming.map(m -> TraceParent.continueOrStart(m.getHeaders())).orElseGet(TraceParent::newTrace);
        MDC.put(Telemetry.MDC_TRACE_ID, trace.traceId());
        incoming.map(IncomingKafkaRecordMetadata::getKey).ifPresent(key -> MDC.put(Telemetry.MDC_ARTICLE_ID, String.valueOf(key)));
        articlesIn.increment();
        try {
            return process(in, outgoingHeaders(incoming.map(IncomingKafkaRecordMetadata::getHeaders), trace));
        } finally {
            MDC.remove(Telemetry.MDC_TRACE_ID);
            MDC.remove(Telemetry.MDC_ARTICLE_ID);
        }
    }

    /** The trace context as a child span; who submitted the article, copied as it came. */
    private static Headers outgoingHeaders(Optional<Headers> incoming, TraceParent trace) {
        Headers headers = new RecordHeaders().add(Telemetry.TRACEPARENT, trace.header().getBytes(StandardCharsets.UTF_8));
        incoming.map(h -> h.lastHeader(Telemetry.SUBMITTED_BY))
                .ifPresent(submittedBy -> headers.add(Telemetry.SUBMITTED_BY, submittedBy.value()));
        return headers;
    }

    private CompletionStage<Void> process(Message<String> in, Headers headers) {
        if (backoff.isStopping()) {
            return leftUncommitted(null);
        }
        RawArticle raw;
        try {
            raw = parse(in.getPayload());
        } catch (RuntimeException e) {
            // the failure strategy (application.properties) sends every nacked record to articles.raw.dlq
            deadLettered.increment();
            return in.nack(e);
        }
        EnrichedArticle enriched;
        try {
            enriched = enrichTimer.record(() -> enrichment.enrich(raw));
        } catch (Throwable e) { // NOSONAR: Errors too (StackOverflowError, an OutOfMemoryError of one article): never kill the consumer
            if (backoff.isStopping()) {
                return leftUncommitted(null);
            }
            ExtractorFailure failure = new ExtractorFailure(e);
            LOG.errorf("Enrichment of raw article %s failed, sent to %s: %s", raw.id(), Topics.RAW_DLQ, failure.getMessage());
            deadLettered.increment();
            return in.nack(failure);
        }
        LOG.debugf("Enriched article %s: %d entities, %d dates", enriched.id(), enriched.entities().size(), enriched.dates().size());
        if (Boolean.FALSE.equals(enriched.enrichment().complete())) {
            LOG.warnf("Article %s stored incomplete: %s", enriched.id(), enriched.enrichment().incompleteReason());
        }
        Duration delay = RetryBackoff.FIRST;
        while (!backoff.isStopping()) {
            try {
                enrichedOut.sendMessage(Message.of(enriched).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(enriched.id()).withHeaders(headers).build())).await().atMost(SEND_TIMEOUT);
                articlesOut.increment();
                return in.ack();
            } catch (RuntimeException e) {
                if (backoff.isStopping()) {
                    break; // the producer closing under us is no fault of the record
                }
                Optional<RecordTooLargeException> tooLarge = cause(e, RecordTooLargeException.class);
                if (tooLarge.isPresent()) {
                    // the record will never fit: no retry, and no broker outage either
                    LOG.errorf("Enriched article %s is too large for Kafka, raw record sent to %s: %s",
                            enriched.id(), Topics.RAW_DLQ, tooLarge.get().getMessage());
                    deadLettered.increment();
                    return in.nack(new PoisonRecordException("The enriched record is too large for Kafka: "
                            + tooLarge.get().getMessage(), e));
                }
                if (!isTransient(e)) {
                    deadLettered.increment();
                    return in.nack(e);
                }
                sendRetries.increment();
                LOG.warnf("Kafka did not acknowledge enriched article %s (%s); sending again in %d ms",
                        enriched.id(), e.getMessage(), delay.toMillis());
                if (backoff.stoppedWhileWaiting(delay)) {
                    break;
                }
                delay = RetryBackoff.next(delay);
            }
        }
        return leftUncommitted(enriched.id());
    }

    RawArticle parse(String value) {
        RawArticle raw = EventJson.readRecord(json, value, RawArticle.class, RawArticle.SCHEMA_VERSION);
        if ((raw.text() == null || raw.text().isBlank()) && (raw.html() == null || raw.html().isBlank())) {
            throw new PoisonRecordException("The record has neither text nor html", null);
        }
        return raw;
    }

    /** The first throwable of that type in the cause chain. */
    static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** Broker away, leader moving, our own wait timing out: worth sending again. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private CompletionStage<Void> leftUncommitted(String id) {
        LOG.infof("Shutting down: raw article %s is left uncommitted and will be enriched again", id == null ? "" : id);
        return CompletableFuture.completedFuture(null);
    }

    /** What the extractor threw, as a dead-letter reason: the throwable's class and message (and its cause's). */
    static final class ExtractorFailure extends RuntimeException {
        ExtractorFailure(Throwable thrown) {
            super("The extractor failed: " + thrown + (thrown.getCause() == null ? "" : " (caused by " + thrown.getCause() + ")"),
                    thrown, false, false);
        }
    }
}
