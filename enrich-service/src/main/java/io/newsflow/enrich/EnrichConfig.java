package io.newsflow.enrich;

import io.newsflow.enrichment.Enricher;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the enrich service ({@code newsflow.enrich.*} in application.properties or env). */
@ConfigMapping(prefix = "newsflow.enrich")
public interface EnrichConfig {

    /** Kafka consumers in one instance (mp.messaging's concurrency of articles-raw reads it too). */
    @WithDefault("2")
    int concurrency();

    /**
     * Time one article may take, checked before each sentence the taggers analyse: beyond it the article is stored
     * with what finished and flagged incomplete ({@code enrichment.complete: false}), never dead-lettered: a 202 is
     * a promise to store. Default {@link Enricher.Limits#DEFAULT_TIME_BUDGET}.
     */
    @WithDefault("20s")
    Duration timeBudget();

    /** The NER and date taggers analyse the first this many characters; the whole text is stored. */
    @WithDefault("200000")
    int maxAnalysedChars();

    /** At most this many entity mentions (and this many dates) in one enriched record. */
    @WithDefault("5000")
    int maxMentions();

    /** The limits in the enrichment library's terms. */
    default Enricher.Limits limits() {
        return new Enricher.Limits(timeBudget(), maxAnalysedChars(), maxMentions());
    }
}
