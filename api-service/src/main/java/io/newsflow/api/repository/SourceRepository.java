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

    /**
     * Sources starting with {@code prefix} (any case; null for all), most articles first. The counts are kept on write
     * (source_count, V15); the latest publication date is one probe of article_source_published_idx per listed source.
     */
    public List<SourceCount> list(String prefix, int limit) {
        return Rows.query(em, """
                        SELECT s.source, s.articles,
                               (SELECT max(a.published_at) FROM article a WHERE a.source = s.source) AS latest
                        FROM (SELECT source, articles FROM source_count
                              WHERE articles > 0 AND (CAST(:prefix AS text) IS NULL
                                    OR lower(source) LIKE lower(replace(replace(replace(CAST(:prefix AS text), '\\', '\\\\'), '%', '\\%'), '_', '\\_')) || '%')
                              ORDER BY articles DESC, source LIMIT :limit) s
                        ORDER BY s.articles DESC, s.source""")
                .setParameter("prefix", prefix).setParameter("limit", limit).getResultList().stream()
                .map(r -> {
                    Instant latest = Rows.instant(r, "latest");
                    return new SourceCount(Rows.text(r, "source"), Rows.whole(r, "articles"), latest == null ? null : Rows.utc(latest));
                }).toList();
    }
}
