package io.newsflow.articles;

import io.newsflow.events.ArticleIds;
import io.newsflow.events.RawArticle;

import java.time.Instant;

/**
 * What a client submitted, already parsed and validated: exactly one of {@code text} / {@code html}
 * is set and {@code publishedAt} is a valid ISO-8601 date or date-time (normalised).
 *
 * @param publishedAtFromPage true when the date was read from the page rather than given by the client
 */
public record ArticleSubmission(
        String title,
        String text,
        String html,
        String url,
        String source,
        String publishedAt,
        boolean publishedAtFromPage,
        String language,
        String externalId) {

    /** The article's id ({@link ArticleIds}): the same wherever the article enters, ingest or the command line. */
    public String id() {
        return ArticleIds.derive(source, externalId, url, title, text != null ? text : html);
    }

    /** {@code given} by the client, read from the {@code page}, or null without a date. */
    public String publishedAtBasis() {
        return publishedAt == null ? null : publishedAtFromPage ? "page" : "given";
    }

    /** The article as it travels on {@code articles.raw}. */
    public RawArticle toRawArticle(Instant receivedAt) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, id(), externalId, url, source, title, text, html, language,
                publishedAt, publishedAtBasis(), receivedAt);
    }
}
