package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * An article as accepted by ingest: the value of {@code articles.raw}.
 *
 * <p>Exactly one of {@code text} / {@code html} is set. For HTML pages ingest already read the
 * title and publication date from the page; main-text extraction is left to enrichment.
 *
 * @param publishedAt ISO-8601 date or date-time as given or found, or null
 * @param publishedAtBasis {@code given} (by the client) or {@code page} (from page metadata), null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RawArticle(
        int schemaVersion,
        String id,
        String externalId,
        String url,
        String source,
        String title,
        String text,
        String html,
        String language,
        String publishedAt,
        String publishedAtBasis,
        Instant receivedAt) implements VersionedEvent {

    public static final int SCHEMA_VERSION = 1;
}
