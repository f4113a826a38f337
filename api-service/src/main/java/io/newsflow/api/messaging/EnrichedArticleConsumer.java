package io.newsflow.api.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.PoisonRecordException;
import io.newsflow.events.RetryBackoff;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.newsflow.events.TraceParent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Stores every record of {@code articles.enriched}. A record is acknowledged (its offset committed) only
 * after its transaction committed; a poison record is nacked, which sends it to {@code articles.enriched.dlq}.
 * A database that is away is waited for with backoff, never skipped. The trace id of the record's
 * {@code traceparent} header is stored with the article.
 *
 * <p>Shutting down ends the wait at once and leaves the record neither acknowledged nor nacked: its offset
 * stays uncommitted, so the next consumer of the partition gets it again, and it never goes to the DLQ.
 */
@ApplicationScoped
@Startup // its metrics exist from the start, not from the first record
public class EnrichedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);

    private final ArticleStore store;
    private final ObjectMapper json;
    private final Timer storeTimer;
    private final Counter retries;
    private final Counter articlesIn;
    private final Counter articlesOut;
    private final Counter deadLettered;
    private final RetryBackoff backoff = new RetryBackoff();

    public EnrichedArticleConsumer(ArticleStore store, ObjectMapper json, MeterRegistry registry) {
        this.store = store;
        this.json = json;
        this.storeTimer = Timer.builder(Telemetry.DB_WRITE_DURATION).description("Time to store one enriched article")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
        this.retries = Counter.builder("newsflow.api.store.retries")
                .description("Attempts to store an article that failed on a transient database failure and were retried")
                .register(registry);
        this.articlesIn = Counter.builder(Telemetry.ARTICLES_IN).description("Enriched records consumed").register(registry);
        this.articlesOut = Counter.builder(Telemetry.ARTICLES_OUT).description("Articles stored (transaction committed)")
                .register(registry);
        this.deadLettered = Counter.builder(Telemetry.DLQ_RECORDS).tag(Telemetry.TAG_TOPIC, Topics.ENRICHED_DLQ)
                .description("Records sent to a dead-letter topic").register(registry);
    }

    /** Runs before the messaging connectors close: a record still waiting for the database is let go, uncommitted. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        backoff.stop();
    }

    @Incoming("articles-enriched")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        var incoming = message.getMetadata(IncomingKafkaRecordMetadata.class);
        TraceParent trace = incoming.map(m -> TraceParent.continueOrStart(m.getHeaders())).orElseGet(TraceParent::newTrace);
        MDC.put(Telemetry.MDC_TRACE_ID, trace.traceId());
        incoming.map(IncomingKafkaRecordMetadata::getKey).ifPresent(key -> MDC.put(Telemetry.MDC_ARTICLE_ID, String.valueOf(key)));
        articlesIn.increment();
        try {
            return consume(message, trace.traceId());
        } finally {
            MDC.remove(Telemetry.MDC_TRACE_ID);
            MDC.remove(Telemetry.MDC_ARTICLE_ID);
        }
    }

    private CompletionStage<Void> consume(Message<String> message, String traceId) {
        EnrichedArticle article;
        try {
            article = parse(message.getPayload());
        } catch (PoisonRecordException e) {
            return deadLetter(message, e);
        }
        Duration delay = RetryBackoff.FIRST;
        while (!backoff.isStopping()) {
            try {
                storeTimer.record(() -> store.store(article, traceId));
                articlesOut.increment();
                LOG.debugf("Stored article %s", article.id());
                return message.ack();
            } catch (RuntimeException e) {
                if (backoff.isStopping()) {
                    break; // the failure may come from the datasource closing under us: not the record's fault
                }
                if (!TransientFailures.isTransient(e)) {
                    return deadLetter(message, e);
                }
                retries.increment();
                LOG.warnf("Database unavailable while storing article %s (%s); retrying in %d ms",
                        article.id(), rootMessage(e), delay.toMillis());
                if (backoff.stoppedWhileWaiting(delay)) {
                    break;
                }
                delay = RetryBackoff.next(delay);
            }
        }
        LOG.infof("Shutting down: article %s is left uncommitted and will be delivered again", article.id());
        return CompletableFuture.completedFuture(null);
    }

    /** The failure strategy (application.properties) sends every nacked record to articles.enriched.dlq. */
    private CompletionStage<Void> deadLetter(Message<String> message, Throwable reason) {
        deadLettered.increment();
        return message.nack(reason);
    }


    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }


    EnrichedArticle parse(String value) {
        EnrichedArticle article = EventJson.readRecord(json, value, EnrichedArticle.class, EnrichedArticle.SCHEMA_VERSION);
        try {
            UUID.fromString(article.id()); // the article table is keyed by UUID
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("The record's article id is not a UUID", e);
        }
        return article;
    }

}
