package io.newsflow.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.api.repository.ArticleRepository;
import io.newsflow.api.repository.ArticleRepository.ArticleRow;
import io.newsflow.api.repository.ArticleRepository.DateRow;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.PublishedDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores enriched articles idempotently: article rows are upserted by id and their entity and date rows
 * replaced, so redelivery or re-enrichment never duplicates anything. Entities are stored under their
 * cross-article keys ({@link EntityMerges}, {@link EntityIdentities}), as analysts corrected them ({@link Curations}).
 * A batch is one transaction with one statement per table for many articles at a time.
 */
@ApplicationScoped
public class ArticleStore {

    /**
     * An article to store with the W3C trace id it came with and the label of the ingest key that submitted it
     * (each null when unknown).
     */
    public record Incoming(EnrichedArticle article, String traceId, String submittedBy) {
        public Incoming(EnrichedArticle article, String traceId) {
            this(article, traceId, null);
        }
    }

    private final ArticleRepository articles;
    private final EntityMerges merges;
    private final EntityIdentities identities;
    private final Curations curations;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public ArticleStore(ArticleRepository articles, EntityMerges merges, EntityIdentities identities, Curations curations,
                        ObjectMapper json) {
        this.articles = articles;
        this.merges = merges;
        this.identities = identities;
        this.curations = curations;
        this.json = json;
    }

    /** @return true when the article was new, false when it replaced a stored version */
    @Transactional
    public boolean store(EnrichedArticle a) {
        return store(a, null);
    }

    /**
     * @param traceId the W3C trace id the article came with (null: none)
     * @return true when the article was new, false when it replaced a stored version
     */
    @Transactional
    public boolean store(EnrichedArticle a, String traceId) {
        return store(a, traceId, null);
    }

    /**
     * @param submittedBy the label of the ingest key that submitted this version (null: unknown)
     * @return true when the article was new, false when it replaced a stored version
     */
    @Transactional
    public boolean store(EnrichedArticle a, String traceId, String submittedBy) {
        return storeAll(List.of(new Incoming(a, traceId, submittedBy))) == 1;
    }

    /**
     * Stores the articles in one transaction, in order, as if stored one by one: an id that comes twice is stored
     * twice, so that its later content replaces the earlier one (kept as a revision when it differs). Each article
     * sees the entity merges learned from the ones before it.
     *
     * @return how many of the articles were new
     */
    @Transactional
    public int storeAll(List<Incoming> batch) {
        Instant now = clock.instant();
        // Rows are queued and go to the database together; the repositories write them earlier when a merge lookup
        // must see them, or when the same article comes again.
        Set<UUID> stored = new LinkedHashSet<>();
        for (Incoming in : batch) {
            UUID id = UUID.fromString(in.article().id());
            EnrichedArticle article = StorableArticles.repair(in.article());
            // analysts' corrections (splits, names, types, rejections) around the cross-article merges and identities
            List<Entity> entities = curations.apply(id,
                    identities.resolve(merges.resolve(curations.splitOff(article.entities()))));
            stored.remove(id); // announced in the place of its last version
            stored.add(id);
            articles.queue(row(id, article, in, entities, now));
            merges.learn(entities);
        }
        Set<UUID> created = articles.writeQueued();
        identities.settle(List.copyOf(stored));
        // delivered to every api instance's LISTEN connection when this transaction commits
        articles.notifyStored(StoredArticleFeed.CHANNEL, stored.stream().filter(created::contains).toList());
        return created.size();
    }

    private ArticleRow row(UUID id, EnrichedArticle a, Incoming in, List<Entity> entities, Instant now) {
        EnrichedArticle.PublishedAt published = a.publishedAt() == null ? EnrichedArticle.PublishedAt.unknown() : a.publishedAt();
        Instant publishedAt = toInstant(published.value());
        Instant receivedAt = a.receivedAt() == null ? now : a.receivedAt();
        List<DateRow> dates = a.dates().stream()
                .map(d -> {
                    // PostgreSQL has no year 0 ("0000", "00" as values): such a date is kept without a span
                    var span = TimexSpans.of(d.value()).filter(s -> s.from().getYear() >= 1);
                    return new DateRow(d.start(), d.value(), d.type(), d.resolved(),
                            span.map(TimexSpans.Span::from).orElse(null), span.map(TimexSpans.Span::to).orElse(null));
                })
                .toList();
        return new ArticleRow(id, a.externalId(), a.url(), a.source(), a.title(), a.text() == null ? "" : a.text(),
                a.language(), published.value(),
                (published.basis() == null ? EnrichedArticle.Basis.unknown : published.basis()).name(),
                publishedAt, receivedAt, now, publishedAt != null ? publishedAt : receivedAt,
                a.enrichment() == null ? null : a.enrichment().version(),
                a.enrichment() == null ? null : a.enrichment().tookMs(),
                a.enrichment() == null ? null : incompleteReason(a.enrichment()),
                a.enrichment() == null || a.enrichment().extractors() == null ? null : toJson(a.enrichment().extractors()),
                in.traceId(), in.submittedBy(), toJson(a.dates()), entities, dates);
    }

    /** Null for a complete enrichment; else why it is not (a reason is always stored for an incomplete one). */
    private static String incompleteReason(EnrichedArticle.Enrichment enrichment) {
        if (!Boolean.FALSE.equals(enrichment.complete())) {
            return null;
        }
        return enrichment.incompleteReason() == null || enrichment.incompleteReason().isBlank()
                ? "incomplete" : enrichment.incompleteReason();
    }

    /**
     * A date becomes the start of its day in UTC; a date-time without offset is taken as UTC (PublishedDates' rule);
     * a partial value such as "2019-05" has no instant and sorts by received time.
     */
    static Instant toInstant(String value) {
        return PublishedDates.normalise(value).flatMap(PublishedDates::toInstant).orElse(null);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise enrichment", e);
        }
    }
}
