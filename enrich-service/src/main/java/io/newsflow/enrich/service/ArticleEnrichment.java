package io.newsflow.enrich.service;

import io.newsflow.enrichment.Enricher;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.RawArticle;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The enrichment of one raw article, within the configured limits (time budget, analysed characters, mentions).
 * A bean of its own so that the messaging layer depends on what it needs, not on how the library is built.
 */
@ApplicationScoped
public class ArticleEnrichment {

    private final Enricher enricher;

    public ArticleEnrichment(Enricher enricher) {
        this.enricher = enricher;
    }

    /** May throw anything the extractor throws, Errors included: the caller dead-letters the record. */
    public EnrichedArticle enrich(RawArticle raw) {
        return enricher.enrich(raw);
    }
}
