package io.newsflow.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.api.repository.ArticleRepository;
import io.newsflow.api.repository.ArticleSearchRepository;
import io.newsflow.api.repository.ArticleSearchRepository.Criteria;
import io.newsflow.api.repository.ArticleSearchRepository.Row;
import io.newsflow.api.repository.EntityRepository;
import io.newsflow.api.repository.StoredArticle;
import io.newsflow.events.DateMention;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads articles: search with filters and the stored article by id, in the shapes of the query API (CONTRACT.md). */
@ApplicationScoped
public class ArticleQueries {

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

    private final ArticleSearchRepository search;
    private final ArticleRepository articles;
    private final EntityRepository entities;
    private final ObjectMapper json;

    public ArticleQueries(ArticleSearchRepository search, ArticleRepository articles, EntityRepository entities, ObjectMapper json) {
        this.search = search;
        this.articles = articles;
        this.entities = entities;
        this.json = json;
    }

    /** The {@code entity} filter's form for the entity linked to a Wikipedia page: {@code wikipedia:United_States}. */
    private static final String LINKED_PAGE = Entity.Link.WIKIPEDIA + ":";

    /**
     * Already-checked search parameters; {@code entity} is a key, a name or {@code wikipedia:} and a page's id;
     * {@code after} is where the previous page ended: the sort instant in microseconds since the epoch and the id (a
     * UUID) of its last article.
     */
    public record Search(String q, String entity, String type, String source, List<String> languages, Instant publishedFrom,
                         Instant publishedToExclusive, LocalDate mentionedFrom, LocalDate mentionedTo, int limit,
                         Slice.Position after) {
    }

    @Transactional
    public Slice<ArticleSummary> search(Search s) {
        List<String> keys = null;
        if (s.entity() != null) {
            keys = s.entity().startsWith(LINKED_PAGE)
                    ? entities.keysLinkedTo(s.entity().substring(LINKED_PAGE.length()))
                    : entities.resolveKeys(s.entity());
            if (keys.isEmpty()) {
                return new Slice<>(List.of(), null);
            }
        }
        UUID afterId = s.after() == null ? null : UUID.fromString(s.after().id());
        // one row more than asked tells whether there is a next page
        List<Row> rows = search.search(new Criteria(null, s.q(), keys, s.type(), s.source(), s.languages(), s.publishedFrom(), s.publishedToExclusive(),
                s.mentionedFrom(), s.mentionedTo(), s.after() == null ? null : Instant.EPOCH.plus(s.after().sortValue(), ChronoUnit.MICROS),
                afterId, s.limit() + 1));
        Slice<Row> page = Slice.of(rows, s.limit(), r -> r,
                last -> new Slice.Position(ChronoUnit.MICROS.between(Instant.EPOCH, last.sortAt()), last.id().toString()));
        return new Slice<>(summaries(page.items()), page.next());
    }

    /** The search-result form of one stored article, for the live stream. */
    @Transactional
    public java.util.Optional<ArticleSummary> summary(UUID id) {
        List<Row> rows = search.search(new Criteria(id, null, null, null, null, null, null, null, null, null, null, null, 1));
        return summaries(rows).stream().findFirst();
    }

    private List<ArticleSummary> summaries(List<Row> page) {
        Map<UUID, List<EntityRef>> entitiesById = new LinkedHashMap<>();
        search.entitiesOf(page.stream().map(Row::id).toList()).forEach(e ->
                entitiesById.computeIfAbsent(e.articleId(), k -> new ArrayList<>()).add(new EntityRef(e.key(), e.name(), e.type())));
        return page.stream().map(r -> new ArticleSummary(r.id().toString(), r.title(), r.source(), r.url(), r.language(),
                new EnrichedArticle.PublishedAt(r.publishedValue(), EnrichedArticle.Basis.valueOf(r.publishedBasis())),
                plainSnippet(r.snippet()), entitiesById.getOrDefault(r.id(), List.of()))).toList();
    }

    @Transactional
    public ArticleDetail get(String id) {
        StoredArticle a = find(id);
        return new ArticleDetail(EnrichedArticle.SCHEMA_VERSION, a.id.toString(), a.externalId, a.url, a.source, a.title, a.body,
                a.language, new EnrichedArticle.PublishedAt(a.publishedValue, EnrichedArticle.Basis.valueOf(a.publishedBasis)),
                a.receivedAt, articles.entitiesOf(a.id),
                read(a.datesJson, new TypeReference<List<DateMention>>() { }),
                new EnrichedArticle.Enrichment(a.enrichmentVersion, a.enrichmentTookMs == null ? 0 : a.enrichmentTookMs,
                        a.enrichmentIncompleteReason == null ? null : false, a.enrichmentIncompleteReason,
                        a.enrichmentExtractorsJson == null ? null : read(a.enrichmentExtractorsJson, new TypeReference<List<String>>() { })),
                a.storedAt, a.traceId, a.submittedBy, a.revisions);
    }

    /** The versions the article replaced, newest first, a page at a time ({@code after}: the last revision number). */
    @Transactional
    public Slice<ArticleRevision> revisions(String id, int limit, Slice.Position after) {
        StoredArticle a = find(id);
        List<ArticleRepository.RevisionRow> rows = articles.revisions(a.id,
                after == null ? null : Math.toIntExact(after.sortValue()), limit + 1);
        return Slice.of(rows, limit, r -> new ArticleRevision(r.revision(), r.title(), r.body(), r.source(),
                        r.url(), new EnrichedArticle.PublishedAt(r.publishedValue(), EnrichedArticle.Basis.valueOf(r.publishedBasis())),
                        r.submittedBy(), r.storedAt(), r.replacedAt()),
                last -> new Slice.Position(last.revision(), a.id.toString()));
    }

    /** Article ids are UUIDs: anything else names no article (404, and the text is not echoed back). */
    private StoredArticle find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No article with that id: article ids are UUIDs");
        }
        return articles.findByIdOptional(uuid).orElseThrow(() -> new NotFoundException("No article with id " + uuid));
    }

    /** Snippets are plain text: the match marks are dropped (the UI highlights the query itself). */
    static String plainSnippet(String snippet) {
        if (snippet == null) {
            return "";
        }
        return snippet.replace(String.valueOf(ArticleSearchRepository.MARK_START), "")
                .replace(String.valueOf(ArticleSearchRepository.MARK_END), "")
                .replaceAll("\\s+", " ").strip();
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored enrichment is not readable", e);
        }
    }
}
