package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** The value of {@code articles.enriched}; also the body of {@code GET /articles/{id}} (plus storedAt). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrichedArticle(
        int schemaVersion,
        String id,
        String externalId,
        String url,
        String source,
        String title,
        String text,
        String language,
        PublishedAt publishedAt,
        Instant receivedAt,
        List<Entity> entities,
        List<DateMention> dates,
        Enrichment enrichment) implements VersionedEvent {

    public static final int SCHEMA_VERSION = 1;

    public EnrichedArticle {
        entities = entities == null ? List.of() : List.copyOf(entities);
        dates = dates == null ? List.of() : List.copyOf(dates);
    }

    /** When the article was published and how we know. */
    public record PublishedAt(String value, Basis basis) {
        public static PublishedAt unknown() {
            return new PublishedAt(null, Basis.unknown);
        }
    }

    /** Where a publication date came from, as the contract spells it. */
    @SuppressWarnings("java:S115") // lower-case names are the JSON values
    public enum Basis { given, page, inferred, unknown }

    /**
     * Which enrichment produced this record and how long it took.
     *
     * @param complete         null (left out of the JSON) when the whole text was analysed; false when a bound
     *                         stopped the enrichment (time budget, analysed characters, mentions): the record then
     *                         holds the full cleaned text and the entities and dates of the part analysed
     * @param incompleteReason what stopped it, e.g. "analysed the first 200000 of 570000 characters"; null when complete
     * @param extractors       what ran on the text, e.g. {@code ["ner:en-conll4", "dates:sutime-en"]} or
     *                         {@code ["dates:heideltime-es"]}; null (left out of the JSON) in records made before it existed
     */
    public record Enrichment(String version, long tookMs,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Boolean complete,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String incompleteReason,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<String> extractors) {

        public Enrichment {
            extractors = extractors == null ? null : List.copyOf(extractors);
        }

        /** A complete enrichment, without the list of extractors. */
        public Enrichment(String version, long tookMs) {
            this(version, tookMs, null, null, null);
        }

        /** Without the list of extractors. */
        public Enrichment(String version, long tookMs, Boolean complete, String incompleteReason) {
            this(version, tookMs, complete, incompleteReason, null);
        }
    }
}
