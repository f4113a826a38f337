package io.newsflow.ingest.service;

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
}
