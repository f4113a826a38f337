package io.newsflow.enrich.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.enrichment.Enricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.events.PoisonRecordException;
import io.newsflow.events.RawArticle;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * articles.raw -> enrichment -> articles.enriched, keyed by article id. The raw record is acknowledged
 * (and its offset committed) only once Kafka acknowledged the enriched record. A record that cannot be
 * processed is sent to articles.raw.dlq with the reason in its headers and the partition moves on.
 */
@ApplicationScoped
@Startup // its metrics exist from the start, not from the first record
public class RawArticleProcessor {

    private final Enricher enricher;
    private final ObjectMapper json;
    private final Timer enrichTimer;

    public RawArticleProcessor(Enricher enricher, ObjectMapper json, MeterRegistry registry) {
        this.enricher = enricher;
        this.json = json;
        this.enrichTimer = Timer.builder("newsflow.enrich.duration").description("Time to enrich one article")
                .publishPercentileHistogram().register(registry);
        // read from the enricher's own counter: correct with several records in flight at once
        FunctionCounter.builder("newsflow.enrich.tokens", enricher, Enricher::tokensProcessed)
                .description("Tokens processed by the NER tagger").register(registry);
    }

    @Incoming("articles-raw")
    @Outgoing("articles-enriched")
    @Blocking
    public Record<String, EnrichedArticle> process(String value) {
        RawArticle raw = parse(value);
        EnrichedArticle enriched = enrichTimer.record(() -> enricher.enrich(raw));
        return Record.of(enriched.id(), enriched);
    }

    RawArticle parse(String value) {
        RawArticle raw = EventJson.readRecord(json, value, RawArticle.class, RawArticle.SCHEMA_VERSION);
        if ((raw.text() == null || raw.text().isBlank()) && (raw.html() == null || raw.html().isBlank())) {
            throw new PoisonRecordException("The record has neither text nor html", null);
        }
        return raw;
    }
}
