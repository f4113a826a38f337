package io.newsflow.api.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.PoisonRecordException;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.newsflow.events.TraceParent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Stores every record of {@code articles.enriched}. The offset is committed only after the transaction
 * committed (the record is acknowledged when this method returns). Poison records go to
 * {@code articles.enriched.dlq}; a database that is away is waited for, never skipped. The trace id of the
 * record's {@code traceparent} header is stored with the article.
 */
@ApplicationScoped
@Startup // its metrics exist from the start, not from the first record
public class EnrichedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ArticleStore store;
    private final ObjectMapper json;
    private final Timer storeTimer;
    private final Counter articlesIn;
    private final Counter articlesOut;
    private final Counter deadLettered;

    public EnrichedArticleConsumer(ArticleStore store, ObjectMapper json, MeterRegistry registry) {
        this.store = store;
        this.json = json;
        this.storeTimer = Timer.builder(Telemetry.DB_WRITE_DURATION).description("Time to store one enriched article")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
        this.articlesIn = Counter.builder(Telemetry.ARTICLES_IN).description("Enriched records consumed").register(registry);
        this.articlesOut = Counter.builder(Telemetry.ARTICLES_OUT).description("Articles stored (transaction committed)")
                .register(registry);
        this.deadLettered = Counter.builder(Telemetry.DLQ_RECORDS).tag(Telemetry.TAG_TOPIC, Topics.ENRICHED_DLQ)
                .description("Records sent to a dead-letter topic").register(registry);
    }

    @Incoming("articles-enriched")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        TraceParent trace = TraceParent.continueOrStart(header(record.headers().lastHeader(Telemetry.TRACEPARENT)));
        MDC.put(Telemetry.MDC_TRACE_ID, trace.traceId());
        if (record.key() != null) {
            MDC.put(Telemetry.MDC_ARTICLE_ID, record.key());
        }
        articlesIn.increment();
        try {
            EnrichedArticle article = parse(record.value());
            storeWithRetries(article, trace.traceId());
            articlesOut.increment();
            LOG.debugf("Stored article %s", article.id());
        } catch (RuntimeException e) {
            // the failure strategy (application.properties) sends the record to articles.enriched.dlq
            deadLettered.increment();
            throw e;
        } finally {
            MDC.remove(Telemetry.MDC_TRACE_ID);
            MDC.remove(Telemetry.MDC_ARTICLE_ID);
        }
    }

    private void storeWithRetries(EnrichedArticle article, String traceId) throws InterruptedException {
        Duration backoff = Duration.ofMillis(500);
        while (true) {
            try {
                storeTimer.record(() -> store.store(article, traceId));
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("Database unavailable while storing article %s (%s); retrying in %d ms",
                        article.id(), e.getMessage(), backoff.toMillis());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
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

    private static String header(Header h) {
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
