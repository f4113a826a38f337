package io.newsflow.api;

import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Enriched articles for tests, with mentions whose offsets really point into the text. */
public final class Articles {

    private Articles() {
    }

    public static EnrichedArticle article(String title, String text, String source, String publishedAt, List<Entity> entities,
                                          List<DateMention> dates) {
        return new EnrichedArticle(1, UUID.randomUUID().toString(), null, null, source, title, text, "en",
                publishedAt == null ? EnrichedArticle.PublishedAt.unknown() : new EnrichedArticle.PublishedAt(publishedAt, EnrichedArticle.Basis.given),
                Instant.parse("2026-11-22T10:00:00Z"), entities, dates, new EnrichedArticle.Enrichment("test", 1));
    }

    /** The same article in another language (ISO 639-1, as the enrichment stores it). */
    public static EnrichedArticle inLanguage(EnrichedArticle a, String language) {
        return new EnrichedArticle(a.schemaVersion(), a.id(), a.externalId(), a.url(), a.source(), a.title(), a.text(), language,
                a.publishedAt(), a.receivedAt(), a.entities(), a.dates(), a.enrichment());
    }

    /** An entity with a mention at each occurrence of each surface form (longest forms first, no overlaps). */
    public static Entity entity(String text, String key, String name, EntityType type, String... forms) {
        List<Entity.Mention> mentions = new ArrayList<>();
        for (String form : forms) {
            for (int i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length())) {
                int start = i;
                if (mentions.stream().noneMatch(m -> start < m.end() && m.start() < start + form.length())) {
                    mentions.add(new Entity.Mention(form, i, i + form.length()));
                }
            }
        }
        mentions.sort(java.util.Comparator.comparingInt(Entity.Mention::start));
        return new Entity(key, name, type, null, mentions);
    }

    public static DateMention date(String text, String form, String value) {
        int i = text.indexOf(form);
        return new DateMention(form, i, i + form.length(), "DATE", value, true);
    }
}
