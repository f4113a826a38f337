package io.newsflow.api.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Article search in SQL: PostgreSQL full-text search plus filters, newest first, keyset-paginated on
 * (sort_at, id). Every value is a bound parameter; only fixed SQL fragments are concatenated.
 */
@ApplicationScoped
public class ArticleSearchRepository {

    /** Marks around matched words in snippets (private-use characters, stripped or rendered by callers). */
    public static final char MARK_START = '\uE000';
    public static final char MARK_END = '\uE001';
    private static final int PLAIN_SNIPPET_CHARS = 240;
    /**
     * ts_headline parses the whole text it is given, per result row: a search snippet is made from the text's first
     * characters only, so its cost does not grow with the article (a long article is ~60,000 characters). An article
     * whose matched words all come later shows its beginning, as one without a match in the text does.
     */
    static final int HEADLINE_SOURCE_CHARS = 3_000;
    private static final int NARROW_MENTIONED_DAYS = 366;
    /** The instant an entity's links are ordered by distance from, nearest (newest) first: later than any article. */
    private static final String AFTER_EVERY_ARTICLE = "TIMESTAMPTZ '100000-01-01 UTC'";

    private final EntityManager em;

    public ArticleSearchRepository(EntityManager em) {
        this.em = em;
    }

    /** The filters of one search; null fields do not filter. {@code publishedTo} and {@code mentionedTo} are inclusive. */
    public record Criteria(UUID articleId, String text, List<String> entityKeys, String entityType, String source,
                           List<String> languages, Instant publishedFrom, Instant publishedToExclusive, LocalDate mentionedFrom, LocalDate mentionedTo,
                           Instant afterSortAt, UUID afterId, int limit) {
    }

    public record Row(UUID id, String title, String source, String url, String language, String publishedValue,
                      String publishedBasis, Instant sortAt, String snippet) {
    }

    public record EntityRow(UUID articleId, String key, String name, String type) {
    }

    public List<Row> search(Criteria c) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        boolean mentionedRange = c.mentionedFrom() != null && c.mentionedTo() != null && !c.mentionedFrom().isAfter(c.mentionedTo());
        boolean emptyMentionedRange = c.mentionedFrom() != null && c.mentionedTo() != null && !mentionedRange;
        boolean mentionedFilter = !emptyMentionedRange && (c.mentionedFrom() != null || c.mentionedTo() != null);
        // one entity and a mentioned range: its links carry their article's date spans (V16), so its links whose spans
        // overlap the range are read from article_entity_mentioned_idx newest first, and the scan stops at the page
        boolean fromEntityLinks = mentionedFilter && c.entityKeys() != null && c.entityKeys().size() == 1;
        // a narrow mentioned range (a month, a year) matches few dates, but not the newest articles: drive the
        // query from those dates (GiST index, V6) instead of walking newest-first until enough happen to match
        boolean fromMentionedDates = !fromEntityLinks && mentionedRange
                && ChronoUnit.DAYS.between(c.mentionedFrom(), c.mentionedTo()) <= NARROW_MENTIONED_DAYS;
        String sortAt = fromEntityLinks ? "ae.sort_at" : "a.sort_at";
        if (fromMentionedDates) {
            sql.append("WITH mentioned AS MATERIALIZED (SELECT DISTINCT d.article_id FROM article_date d WHERE d.date_from IS NOT NULL")
                    .append(" AND daterange(d.date_from, d.date_to, '[]') && daterange(:mentionedFrom, :mentionedTo, '[]')) ");
        }
        sql.append("SELECT a.id, a.title, a.source, a.url, a.language, a.published_value, a.published_basis, a.sort_at, ");
        if (c.text() != null) {
            // the snippet marks the words the article's own language matched
            sql.append("ts_headline(CAST(a.search_config AS regconfig), left(a.body, ").append(HEADLINE_SOURCE_CHARS)
                    .append("), websearch_to_tsquery(CAST(a.search_config AS regconfig), :q), ")
                    .append("'StartSel=").append(MARK_START).append(", StopSel=").append(MARK_END)
                    .append(", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"')");
            params.put("q", c.text());
        } else {
            sql.append("left(a.body, ").append(PLAIN_SNIPPET_CHARS).append(")");
        }
        sql.append(" AS snippet ");
        if (fromEntityLinks) {
            // NOT isempty: the partial index's condition, written as the index writes it so that the planner can use it
            sql.append("FROM article_entity ae JOIN article a ON a.id = ae.article_id WHERE ae.entity_key = :key")
                    .append(" AND NOT isempty(ae.mentioned_spans) AND ae.mentioned_spans && ").append(mentionedRange(c));
            params.put("key", c.entityKeys().get(0));
        } else if (fromMentionedDates) {
            sql.append("FROM article a JOIN mentioned m ON m.article_id = a.id WHERE TRUE");
        } else {
            sql.append("FROM article a WHERE TRUE");
        }
        if (c.articleId() != null) {
            sql.append(" AND a.id = :articleId");
            params.put("articleId", c.articleId());
        }
        if (c.text() != null) {
            // Each article is indexed in its own language (V11): the GIN index is asked the query parsed in every
            // configuration, then each candidate is checked against the query parsed in its own, so that an article
            // matches exactly when its language's reading of the query matches (negations included)
            sql.append(" AND a.search @@ newsflow_search_query(:q) AND newsflow_search_matches(a.search, a.search_config, :q)");
        }
        if (c.entityKeys() != null && !fromEntityLinks) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_entity ae WHERE ae.article_id = a.id AND ae.entity_key IN (:keys))");
            params.put("keys", c.entityKeys());
        }
        if (c.entityType() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_entity at WHERE at.article_id = a.id AND at.type = :type)");
            params.put("type", c.entityType());
        }
        if (c.source() != null) {
            sql.append(" AND a.source = :source");
            params.put("source", c.source());
        }
        if (c.languages() != null) {
            sql.append(" AND a.language IN (:languages)");
            params.put("languages", c.languages());
        }
        // sort_at is published_at wherever that is known, so the same bounds on sort_at let the newest-first
        // index start at the end of the range instead of walking every newer article
        if (c.publishedFrom() != null) {
            sql.append(" AND a.published_at >= :publishedFrom AND ").append(sortAt).append(" >= :publishedFrom");
            params.put("publishedFrom", Rows.utc(c.publishedFrom()));
        }
        if (c.publishedToExclusive() != null) {
            sql.append(" AND a.published_at < :publishedTo AND ").append(sortAt).append(" < :publishedTo");
            params.put("publishedTo", Rows.utc(c.publishedToExclusive()));
        }
        if (emptyMentionedRange) {
            sql.append(" AND FALSE"); // an empty range, which daterange() would refuse
        } else if (mentionedFilter && !fromEntityLinks && !fromMentionedDates) {
            // span overlap on the GiST index article_date_range_idx (V6); a missing bound is an open end
            sql.append(" AND EXISTS (SELECT 1 FROM article_date d WHERE d.article_id = a.id AND d.date_from IS NOT NULL")
                    .append(" AND daterange(d.date_from, d.date_to, '[]') && ").append(mentionedRange(c)).append(")");
        }
        if (mentionedFilter) {
            if (c.mentionedFrom() != null) {
                params.put("mentionedFrom", c.mentionedFrom());
            }
            if (c.mentionedTo() != null) {
                params.put("mentionedTo", c.mentionedTo());
            }
        }
        if (c.afterSortAt() != null) {
            if (fromEntityLinks) {
                sql.append(" AND ae.sort_at <= :afterSortAt"); // a bound GiST can skip by (it cannot read a row comparison)
            }
            sql.append(" AND (a.sort_at, a.id) < (:afterSortAt, :afterId)");
            params.put("afterSortAt", Rows.utc(c.afterSortAt()));
            params.put("afterId", c.afterId());
        }
        // From the entity's links, GiST returns them nearest first to an instant later than every article (KNN order),
        // i.e. newest first; equal instants come together, then by id: the same order as every other search.
        sql.append(fromEntityLinks ? " ORDER BY ae.sort_at <-> " + AFTER_EVERY_ARTICLE + ", a.id DESC LIMIT :limit"
                : " ORDER BY a.sort_at DESC, a.id DESC LIMIT :limit");
        params.put("limit", c.limit());

        NativeQuery<Tuple> query = Rows.query(em, sql.toString());
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(r -> new Row(r.get("id", UUID.class), Rows.text(r, "title"),
                Rows.text(r, "source"), Rows.text(r, "url"), Rows.text(r, "language"), Rows.text(r, "published_value"),
                Rows.text(r, "published_basis"), Rows.instant(r, "sort_at"), Rows.text(r, "snippet"))).toList();
    }

    /** The overlap operand of a mentioned-date filter: a missing bound is an open end. */
    private static String mentionedRange(Criteria c) {
        return "daterange(" + (c.mentionedFrom() == null ? "NULL" : ":mentionedFrom") + ", "
                + (c.mentionedTo() == null ? "NULL" : ":mentionedTo") + ", '[]')";
    }

    /** The entities of the given articles, most mentioned first. */
    public List<EntityRow> entitiesOf(List<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return Rows.query(em, """
                        SELECT article_id, entity_key, name, type FROM article_entity
                        WHERE article_id IN (:ids) ORDER BY mention_count DESC, first_offset""")
                .setParameter("ids", articleIds).getResultList().stream()
                .map(r -> new EntityRow(r.get("article_id", UUID.class), Rows.text(r, "entity_key"), Rows.text(r, "name"),
                        Rows.text(r, "type"))).toList();
    }
}
