package io.newsflow.api.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
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
    public List<SourceCount> list(String prefix, int limit) {
        // GROUP BY over article_source_sort_idx: an index-only walk, no sort of the article table
        return Rows.query(em, """
                        SELECT source, count(*) AS articles, max(published_at) AS latest FROM article
                        WHERE source IS NOT NULL AND (CAST(:prefix AS text) IS NULL
                              OR lower(source) LIKE lower(replace(replace(replace(CAST(:prefix AS text), '\\', '\\\\'), '%', '\\%'), '_', '\\_')) || '%')
                        GROUP BY source ORDER BY count(*) DESC, source LIMIT :limit""")
                .setParameter("prefix", prefix).setParameter("limit", limit).getResultList().stream()
                .map(r -> {
                    Instant latest = Rows.instant(r, "latest");
                    return new SourceCount(Rows.text(r, "source"), Rows.whole(r, "articles"), latest == null ? null : Rows.utc(latest));
                }).toList();
    }
}
