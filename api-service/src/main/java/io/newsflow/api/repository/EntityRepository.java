package io.newsflow.api.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Canonical entities across articles: lookup by key or alias, counts, co-occurrence and timelines. */
@ApplicationScoped
public class EntityRepository {

    private final EntityManager em;

    public EntityRepository(EntityManager em) {
        this.em = em;
    }

    public record EntityCounts(String key, String name, String type, long articleCount, long mentionCount) {
    }

    public record Related(String key, String name, String type, long articleCount) {
    }

    public record MonthCount(String month, long articles) {
    }

    /** The keys a user's "entity" parameter means: the key itself, or every entity with that name or alias. */
    @SuppressWarnings("unchecked")
    public List<String> resolveKeys(String keyOrName) {
        return em.createNativeQuery("""
                        SELECT key FROM entity WHERE key = :v
                        UNION SELECT to_key FROM entity_redirect WHERE from_key = :v
                        UNION SELECT entity_key FROM entity_alias WHERE lower(alias) = lower(:v)""")
                .setParameter("v", keyOrName).getResultList();
    }

    /** Entities, most mentioned first; {@code text} matches names and aliases (substring, case-insensitive). */
    @SuppressWarnings("unchecked")
    public List<EntityCounts> list(String text, String type, Long afterMentions, String afterKey, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT e.key, e.name, e.type, count(*) AS articles, sum(ae.mention_count) AS mentions
                FROM entity e JOIN article_entity ae ON ae.entity_key = e.key WHERE TRUE""");
        Map<String, Object> params = new HashMap<>();
        if (type != null) {
            sql.append(" AND e.type = :type");
            params.put("type", type);
        }
        if (text != null) {
            sql.append(" AND (lower(e.name) LIKE :pattern ESCAPE '\\' OR EXISTS (SELECT 1 FROM entity_alias x")
                    .append(" WHERE x.entity_key = e.key AND lower(x.alias) LIKE :pattern ESCAPE '\\'))");
            params.put("pattern", "%" + likeEscape(text.toLowerCase(Locale.ROOT)) + "%");
        }
        sql.append(" GROUP BY e.key, e.name, e.type");
        if (afterKey != null) {
            sql.append(" HAVING sum(ae.mention_count) < :afterMentions OR (sum(ae.mention_count) = :afterMentions AND e.key > :afterKey)");
            params.put("afterMentions", afterMentions);
            params.put("afterKey", afterKey);
        }
        sql.append(" ORDER BY mentions DESC, e.key ASC LIMIT :limit");
        params.put("limit", limit);
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        List<EntityCounts> result = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            result.add(new EntityCounts((String) r[0], (String) r[1], (String) r[2],
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
        }
        return result;
    }

    /** The entity with this key, or the one it was merged into. */
    @SuppressWarnings("unchecked")
    public Optional<EntityCounts> find(String key) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT e.key, e.name, e.type, count(ae.article_id), coalesce(sum(ae.mention_count), 0)
                        FROM entity e LEFT JOIN article_entity ae ON ae.entity_key = e.key
                        WHERE e.key = coalesce((SELECT to_key FROM entity_redirect WHERE from_key = :key), :key)
                        GROUP BY e.key, e.name, e.type""")
                .setParameter("key", key).getResultList();
        return rows.stream().findFirst().map(r -> new EntityCounts((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
    }

    /** Aliases per key, alphabetically. */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> aliases(List<String> keys) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT entity_key, alias FROM entity_alias WHERE entity_key IN (:keys) ORDER BY alias")
                .setParameter("keys", keys).getResultList();
        for (Object[] r : rows) {
            result.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        return result;
    }

    /** Entities that appear in the same articles, strongest (most shared articles) first. */
    @SuppressWarnings("unchecked")
    public List<Related> related(String key, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT other.entity_key, e.name, e.type, count(*) AS shared
                        FROM article_entity self
                        JOIN article_entity other ON other.article_id = self.article_id AND other.entity_key <> self.entity_key
                        JOIN entity e ON e.key = other.entity_key
                        WHERE self.entity_key = :key
                        GROUP BY other.entity_key, e.name, e.type
                        ORDER BY shared DESC, other.entity_key LIMIT :limit""")
                .setParameter("key", key).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Related((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue())).toList();
    }

    /** Articles mentioning the entity per month of publication; articles of unknown date are left out. */
    @SuppressWarnings("unchecked")
    public List<MonthCount> timeline(String key) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT to_char(a.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)
                        FROM article_entity ae JOIN article a ON a.id = ae.article_id
                        WHERE ae.entity_key = :key AND a.published_at IS NOT NULL
                        GROUP BY month ORDER BY month""")
                .setParameter("key", key).getResultList();
        return rows.stream().map(r -> new MonthCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    /**
     * Articles mentioning the entity per month their text speaks of: each article counts once in every month
     * one of its dates (a day, a week or a month; longer spans are too vague to place) falls in.
     */
    @SuppressWarnings("unchecked")
    public List<MonthCount> mentionedTimeline(String key) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT to_char(d.date_from, 'YYYY-MM') AS month, count(DISTINCT ae.article_id)
                        FROM article_entity ae JOIN article_date d ON d.article_id = ae.article_id
                        WHERE ae.entity_key = :key AND d.date_from IS NOT NULL AND d.date_to - d.date_from < 31
                        GROUP BY month ORDER BY month""")
                .setParameter("key", key).getResultList();
        return rows.stream().map(r -> new MonthCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
