package io.newsflow.api.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.PoisonRecordException;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;

/**
 * Stores every record of {@code articles.enriched}. The offset is committed only after the transaction
 * committed (the record is acknowledged when this method returns). Poison records go to
 * {@code articles.enriched.dlq}; a database that is away is waited for, never skipped.
 */
@ApplicationScoped
@Startup // its metrics exist from the start, not from the first record
public class EnrichedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ArticleStore store;
    private final ObjectMapper json;
    private final Timer storeTimer;

    public EnrichedArticleConsumer(ArticleStore store, ObjectMapper json, MeterRegistry registry) {
        this.store = store;
        this.json = json;
        this.storeTimer = Timer.builder("newsflow.api.store").description("Time to store one enriched article")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @Incoming("articles-enriched")
    @Blocking
    public void consume(String value) throws InterruptedException {
        EnrichedArticle article = parse(value);
        Duration backoff = Duration.ofMillis(500);
        while (true) {
            try {
                storeTimer.record(() -> store.store(article));
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
}
