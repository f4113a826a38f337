package io.newsflow.api.service;

import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the query API (see CONTRACT.md). */
public final class Views {

    private Views() {
    }

    public record Page<T>(List<T> items, String next) {
    }

    public record EntityRef(String key, String name, String type) {
    }

    public record ArticleSummary(String id, String title, String source, String url, String language,
                                 EnrichedArticle.PublishedAt publishedAt, String snippet, List<EntityRef> entities) {
    }

    /**
     * The enriched article as stored, plus when it was stored, the W3C trace id that brought it in, the label of the
     * ingest key that submitted its content and how many earlier versions it replaced ({@code /articles/{id}/revisions}).
     */
    public record ArticleDetail(int schemaVersion, String id, String externalId, String url, String source, String title,
                                String text, String language, EnrichedArticle.PublishedAt publishedAt, Instant receivedAt,
                                List<Entity> entities, List<DateMention> dates, EnrichedArticle.Enrichment enrichment,
                                Instant storedAt, String traceId, String submittedBy, int revisions) {
    }

    /** An earlier version of an article: its content, who submitted it, when it was stored and when replaced. */
    public record ArticleRevision(int revision, String title, String text, String source, String url,
                                  EnrichedArticle.PublishedAt publishedAt, String submittedBy, Instant storedAt,
                                  Instant replacedAt) {
    }

    public record EntitySummary(String key, String name, String type, List<String> aliases, long articleCount, long mentionCount) {
    }

    public record RelatedEntity(String key, String name, String type, long articleCount) {
    }

    public record TimelinePoint(String date, long articles) {
    }

    public record EntityDetail(String key, String name, String type, List<String> aliases, long articleCount,
                               long mentionCount, List<RelatedEntity> related, List<TimelinePoint> timeline,
                               List<TimelinePoint> mentionedTimeline) {
    }
}
