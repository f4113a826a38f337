package io.newsflow.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.api.repository.ArticleRepository;
import io.newsflow.api.repository.ArticleRepository.DateRow;
import io.newsflow.api.repository.StoredArticle;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Stores an enriched article idempotently: the article row is upserted by id and its entity and date
 * rows replaced, all in one transaction, so redelivery or re-enrichment never duplicates anything. Entities
 * are stored under their cross-article keys ({@link EntityMerges}).
 */
@ApplicationScoped
public class ArticleStore {

    private final ArticleRepository articles;
    private final EntityMerges merges;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public ArticleStore(ArticleRepository articles, EntityMerges merges, ObjectMapper json) {
        this.articles = articles;
        this.merges = merges;
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
        UUID id = UUID.fromString(a.id());
        StoredArticle row = articles.findById(id);
        boolean isNew = row == null;
        if (isNew) {
            row = new StoredArticle();
            row.id = id;
        }
        row.externalId = a.externalId();
        row.url = a.url();
        row.source = a.source();
        row.title = a.title();
        row.body = a.text() == null ? "" : a.text();
        row.language = a.language();
        EnrichedArticle.PublishedAt published = a.publishedAt() == null ? EnrichedArticle.PublishedAt.unknown() : a.publishedAt();
        row.publishedValue = published.value();
        row.publishedBasis = (published.basis() == null ? EnrichedArticle.Basis.unknown : published.basis()).name();
        row.publishedAt = toInstant(published.value());
        row.receivedAt = a.receivedAt() == null ? clock.instant() : a.receivedAt();
        row.storedAt = clock.instant();
        row.sortAt = row.publishedAt != null ? row.publishedAt : row.receivedAt;
        row.enrichmentVersion = a.enrichment() == null ? null : a.enrichment().version();
        row.enrichmentTookMs = a.enrichment() == null ? null : a.enrichment().tookMs();
        List<Entity> entities = merges.resolve(a.entities());
        row.entitiesJson = write(entities);
        row.datesJson = write(a.dates());
        row.traceId = traceId;
        if (isNew) {
            articles.persist(row);
        }
        articles.flush(); // the child rows reference the article row
        articles.replaceChildren(id, row.sortAt, entities, a.dates().stream()
                .map(d -> {
                    var span = TimexSpans.of(d.value());
                    return new DateRow(d.start(), d.value(), d.type(), d.resolved(),
                            span.map(TimexSpans.Span::from).orElse(null), span.map(TimexSpans.Span::to).orElse(null));
                })
                .toList());
        merges.learn(entities);
        if (isNew) {
            // delivered to every api instance's LISTEN connection when this transaction commits
            articles.getEntityManager().createNativeQuery("SELECT pg_notify('" + StoredArticleFeed.CHANNEL + "', ?1)")
                    .setParameter(1, id.toString()).getSingleResult();
        }
        return isNew;
    }

    /** A date becomes the start of its day in UTC; a date-time without offset is taken as UTC. */
    static Instant toInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null; // a partial value such as "2019-05" sorts by received time
            }
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise enrichment", e);
        }
    }
}
