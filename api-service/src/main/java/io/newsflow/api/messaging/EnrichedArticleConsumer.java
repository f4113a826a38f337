package io.newsflow.api.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.events.EnrichedArticle;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

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
        if (value == null) {
            throw new PoisonRecordException("The record has no value", null);
        }
        EnrichedArticle article;
        try {
            article = json.readValue(value, EnrichedArticle.class);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("Not an EnrichedArticle JSON record: " + e.getOriginalMessage(), e);
        }
        if (article.schemaVersion() < 1 || article.schemaVersion() > EnrichedArticle.SCHEMA_VERSION) {
            throw new PoisonRecordException("Unsupported schemaVersion " + article.schemaVersion()
                    + " (this service reads up to " + EnrichedArticle.SCHEMA_VERSION + ")", null);
        }
        if (article.id() == null || !article.id().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new PoisonRecordException("The record has no valid article id", null);
        }
        return article;
    }
}
