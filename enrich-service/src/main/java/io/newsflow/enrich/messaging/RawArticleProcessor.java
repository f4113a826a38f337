package io.newsflow.enrich.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.enrichment.Enricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.PoisonRecordException;
import io.newsflow.events.RawArticle;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * articles.raw -> enrichment -> articles.enriched, keyed by article id. The raw record is acknowledged
 * (and its offset committed) only once Kafka acknowledged the enriched record; a broker that is away is
 * waited for with backoff. A record that cannot be processed (unreadable, from a future schema, or the
 * extractor fails on it) is nacked, which sends it to articles.raw.dlq with the reason in its headers,
 * and the partition moves on.
 *
 * <p>Shutting down ends any wait at once and leaves the record neither acknowledged nor nacked: its offset
 * stays uncommitted, so it is enriched again by the next consumer of the partition, and it never goes to the DLQ.
 */
@ApplicationScoped
@Startup // its metrics exist from the start, not from the first record
public class RawArticleProcessor {

    private static final Logger LOG = Logger.getLogger(RawArticleProcessor.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Above the producer's delivery.timeout.ms: the producer gives up first and says why. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(150);

    private final Enricher enricher;
    private final ObjectMapper json;
    private final MutinyEmitter<Record<String, EnrichedArticle>> enrichedOut;
    private final Timer enrichTimer;
    private final Counter sendRetries;
    private final CountDownLatch stopping = new CountDownLatch(1);

    public RawArticleProcessor(Enricher enricher, ObjectMapper json, MeterRegistry registry,
                               @Channel("articles-enriched") MutinyEmitter<Record<String, EnrichedArticle>> enrichedOut) {
        this.enricher = enricher;
        this.json = json;
        this.enrichedOut = enrichedOut;
        this.enrichTimer = Timer.builder("newsflow.enrich.duration").description("Time to enrich one article")
                .publishPercentileHistogram().register(registry);
        // read from the enricher's own counter: correct with several records in flight at once
        FunctionCounter.builder("newsflow.enrich.tokens", enricher, Enricher::tokensProcessed)
                .description("Tokens processed by the NER tagger").register(registry);
        this.sendRetries = Counter.builder("newsflow.enrich.send.retries")
                .description("Enriched records Kafka did not acknowledge, sent again").register(registry);
    }

    /** Runs before the messaging connectors close: a record still waiting for the broker is let go, uncommitted. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping.countDown();
    }

    @Incoming("articles-raw")
    @Blocking
    public CompletionStage<Void> process(Message<String> message) {
        if (isStopping()) {
            return leftUncommitted(null);
        }
        EnrichedArticle enriched;
        try {
            RawArticle raw = parse(message.getPayload());
            enriched = enrichTimer.record(() -> enricher.enrich(raw));
        } catch (RuntimeException e) {
            return isStopping() ? leftUncommitted(null) : message.nack(e);
        }
        Duration backoff = FIRST_BACKOFF;
        while (!isStopping()) {
            try {
                enrichedOut.send(Record.of(enriched.id(), enriched)).await().atMost(SEND_TIMEOUT);
                return message.ack();
            } catch (RuntimeException e) {
                if (isStopping()) {
                    break; // the producer closing under us is no fault of the record
                }
                if (!isTransient(e)) {
                    return message.nack(e); // e.g. an enriched record over the broker's size limit
                }
                sendRetries.increment();
                LOG.warnf("Kafka did not acknowledge enriched article %s (%s); sending again in %d ms",
                        enriched.id(), e.getMessage(), backoff.toMillis());
                if (stoppedWhileWaiting(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
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

    private boolean stoppedWhileWaiting(Duration backoff) {
        try {
            return stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private boolean isStopping() {
        return stopping.getCount() == 0;
    }
}
