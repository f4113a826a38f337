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
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * articles.raw -> enrichment -> articles.enriched, keyed by article id, as a chained SmallRye processor: the enriched
 * message carries the raw record's acknowledgement, so the raw record is acknowledged (and its offset committed) only
 * once Kafka acknowledged the enriched record. The Kafka producer retries a send by itself for as long as the broker
 * is away (application.properties: {@code delivery.timeout.ms}), in order; meanwhile the next records are enriched,
 * up to the outgoing channel's {@code max-inflight-messages}.
 *
 * <p>A record that cannot be processed (unreadable, from a future schema, the extractor throws anything on it, Errors
 * such as StackOverflowError included, or its enriched record is too large for Kafka) is nacked, which sends it to
 * articles.raw.dlq with the reason in its headers, and the partition moves on. The record's W3C {@code traceparent}
 * header goes on to the enriched record as a child span of the same trace; its {@code newsflow-submitted-by} header
 * is copied as it is.
 *
 * <p>Shutting down leaves a record in flight neither acknowledged nor nacked: its offset stays uncommitted, so it is
 * enriched again by the next consumer of the partition, and it never goes to the DLQ.
 */
@ApplicationScoped
@Startup // its metrics exist from the start, not from the first record
public class RawArticleProcessor {

    private static final Logger LOG = Logger.getLogger(RawArticleProcessor.class);

    private final ArticleEnrichment enrichment;
    private final ObjectMapper json;
    private final Timer enrichTimer;
    private final Counter articlesIn;
    private final Counter articlesOut;
    private final Counter deadLettered;
    private volatile boolean stopping;

    public RawArticleProcessor(Enricher enricher, ArticleEnrichment enrichment, ObjectMapper json, MeterRegistry registry) {
        this.enrichment = enrichment;
        this.json = json;
        this.enrichTimer = Timer.builder(Telemetry.ENRICH_DURATION).description("Time to enrich one article")
                .publishPercentileHistogram().register(registry);
        // read from the enricher's own counter: correct with several records in flight at once
        FunctionCounter.builder("newsflow.enrich.tokens", enricher, Enricher::tokensProcessed)
                .description("Tokens processed by the NER tagger").register(registry);
        this.articlesIn = Counter.builder(Telemetry.ARTICLES_IN).description("Raw records consumed").register(registry);
        this.articlesOut = Counter.builder(Telemetry.ARTICLES_OUT).description("Enriched records acknowledged by Kafka")
                .register(registry);
        this.deadLettered = Counter.builder(Telemetry.DLQ_RECORDS).tag(Telemetry.TAG_TOPIC, Topics.RAW_DLQ)
                .description("Records sent to a dead-letter topic").register(registry);
    }

    /**
     * Runs before the messaging connectors close: from now on a failure (the producer closing under a record still
     * waiting for the broker) is no fault of the record, which is let go uncommitted.
     */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Returns the enriched message, or null when the raw record was nacked (dead-lettered) or left uncommitted.
     * Ordered: the records of one consumer are enriched one at a time and leave in the order they came, so a later
     * version of an article is never overtaken by an earlier one; the consumers (concurrency) run side by side.
     */
    @Incoming("articles-raw")
    @Outgoing("articles-enriched")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @Blocking
    public Message<EnrichedArticle> process(Message<String> in) {
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

    private Message<EnrichedArticle> process(Message<String> in, Headers headers) {
        if (stopping) {
            return leftUncommitted(null);
        }
        RawArticle raw;
        try {
            raw = parse(in.getPayload());
        } catch (RuntimeException e) {
            return deadLettered(in, e);
        }
        EnrichedArticle enriched;
        try {
            enriched = enrichTimer.record(() -> enrichment.enrich(raw));
        } catch (Throwable e) { // NOSONAR: Errors too (StackOverflowError, an OutOfMemoryError of one article): never kill the consumer
            if (stopping) {
                return leftUncommitted(null);
            }
            ExtractorFailure failure = new ExtractorFailure(e);
            LOG.errorf("Enrichment of raw article %s failed, sent to %s: %s", raw.id(), Topics.RAW_DLQ, failure.getMessage());
            return deadLettered(in, failure);
        }
        LOG.debugf("Enriched article %s: %d entities, %d dates", enriched.id(), enriched.entities().size(), enriched.dates().size());
        if (Boolean.FALSE.equals(enriched.enrichment().complete())) {
            LOG.warnf("Article %s stored incomplete: %s", enriched.id(), enriched.enrichment().incompleteReason());
        }
        return in.withPayload(enriched)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(enriched.id()).withHeaders(headers).build())
                .withAck(() -> {
                    articlesOut.increment();
                    return in.ack();
                })
                .withNack(failure -> notSent(in, enriched.id(), failure));
    }

    /**
     * Kafka refused the enriched record for good (the producer retries a broker that is away by itself, so only
     * errors no retry can mend arrive here), or the producer is closing because the service stops.
     */
    private CompletionStage<Void> notSent(Message<String> in, String id, Throwable failure) {
        if (stopping) {
            leftUncommitted(id);
            return CompletableFuture.completedFuture(null);
        }
        Optional<RecordTooLargeException> tooLarge = cause(failure, RecordTooLargeException.class);
        Throwable reason = tooLarge.<Throwable>map(e -> new PoisonRecordException(
                "The enriched record is too large for Kafka: " + e.getMessage(), failure)).orElse(failure);
        LOG.errorf("Kafka refused enriched article %s, raw record sent to %s: %s", id, Topics.RAW_DLQ, reason.getMessage());
        deadLettered.increment();
        return in.nack(reason);
    }

    /** The failure strategy (application.properties) sends every nacked record to articles.raw.dlq. */
    private Message<EnrichedArticle> deadLettered(Message<String> in, Throwable reason) {
        deadLettered.increment();
        in.nack(reason);
        return null;
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

    private static <T> T leftUncommitted(String id) {
        LOG.infof("Shutting down: raw article %s is left uncommitted and will be enriched again", id == null ? "" : id);
        return null;
    }

    /** What the extractor threw, as a dead-letter reason: the throwable's class and message (and its cause's). */
    static final class ExtractorFailure extends RuntimeException {
        ExtractorFailure(Throwable thrown) {
            super("The extractor failed: " + thrown + (thrown.getCause() == null ? "" : " (caused by " + thrown.getCause() + ")"),
                    thrown, false, false);
        }
    }
}
