package io.newsflow.api.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.List;

/** The sources articles came from, with how many each sent: what the search page offers as source filter. */
@ApplicationScoped
public class SourceRepository {

    private final EntityManager em;

    public SourceRepository(EntityManager em) {
        this.em = em;
    }

    public record SourceCount(String source, long articleCount, OffsetDateTime latestPublishedAt) {
    }

    /** Sources starting with {@code prefix} (any case; null for all), most articles first. */
    @SuppressWarnings("unchecked")
    public List<SourceCount> list(String prefix, int limit) {
        // GROUP BY over article_source_sort_idx: an index-only walk, no sort of the article table
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT source, count(*), max(published_at) FROM article
                        WHERE source IS NOT NULL AND (CAST(:prefix AS text) IS NULL
                              OR lower(source) LIKE lower(replace(replace(replace(CAST(:prefix AS text), '\\', '\\\\'), '%', '\\%'), '_', '\\_')) || '%')
                        GROUP BY source ORDER BY count(*) DESC, source LIMIT :limit""")
                .setParameter("prefix", prefix).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new SourceCount((String) r[0], ((Number) r[1]).longValue(), toOffset(r[2]))).toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
