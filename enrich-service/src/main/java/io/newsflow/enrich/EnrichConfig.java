package io.newsflow.enrich;

import io.newsflow.enrichment.Enricher;
import io.newsflow.enrichment.linking.WikipediaLinking;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Languages whose NER models load at start-up (ISO 639-1 codes with a model in {@code LanguageProfile}: en, de,
     * es, fr, it, nl, zh). Articles in other languages, or whose model files are missing, get no entities (text,
     * dates and search still), and {@code enrichment.extractors} says so. Default
     * {@link Enricher#DEFAULT_NER_LANGUAGES}.
     */
    @WithDefault("en,de,es,fr,it,nl")
    Set<String> languages();

    /**
     * Where language packs (model files outside the default build, e.g. Chinese) were unpacked; a model is looked
     * up on the classpath first, then here.
     */
    Optional<Path> modelsDir();

    /** Wikipedia links of English entities. */
    Linking linking();

    /** {@code newsflow.enrich.linking.*}. */
    interface Linking {

        /** False: no entity is linked (nor gets a page's key). */
        @WithDefault("true")
        boolean enabled();

        /** The index file; built there at start-up when missing. Default {@link WikipediaLinking#defaultIndex()}. */
        Optional<Path> index();

        /** The settings in the enrichment library's terms. */
        default WikipediaLinking settings() {
            return new WikipediaLinking(enabled(), index().orElseGet(WikipediaLinking::defaultIndex));
        }
    }

    /** The limits in the enrichment library's terms. */
    default Enricher.Limits limits() {
        return new Enricher.Limits(timeBudget(), maxAnalysedChars(), maxMentions());
    }
}
