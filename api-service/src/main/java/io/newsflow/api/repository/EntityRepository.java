package io.newsflow.api.repository;

import io.newsflow.events.Entity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.hibernate.query.NativeQuery;

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

    /** Co-occurrence is counted over at most this many of an entity's newest articles. */
    public static final int RELATED_WINDOW = 1_000;

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
    public List<String> resolveKeys(String keyOrName) {
        return Rows.query(em, """
                        SELECT key FROM entity WHERE key = :v
                        UNION SELECT to_key FROM entity_redirect WHERE from_key = :v
                        UNION SELECT entity_key FROM entity_alias WHERE lower(alias) = lower(:v)""")
                .setParameter("v", keyOrName).getResultList().stream().map(r -> Rows.text(r, "key")).toList();
    }

    /** The entities linked to this Wikipedia page (a title with underscores): one, unless two were stored at once. */
    public List<String> keysLinkedTo(String wikipediaTitle) {
        return Rows.query(em, "SELECT key FROM entity WHERE link_kb = 'wikipedia' AND link_id = :id")
                .setParameter("id", wikipediaTitle).getResultList().stream().map(r -> Rows.text(r, "key")).toList();
    }

    /** The page each of these entities is linked to; entities without one are absent. */
    public Map<String, Entity.Link> links(List<String> keys) {
        Map<String, Entity.Link> result = new HashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        Rows.query(em, "SELECT key, link_id FROM entity WHERE key IN (:keys) AND link_kb = 'wikipedia'")
                .setParameter("keys", keys).getResultList()
                .forEach(r -> result.put(Rows.text(r, "key"), EntityLinks.link(Rows.text(r, "link_id"))));
        return result;
    }

    /**
     * Entities, most mentioned first; {@code text} matches names and aliases (substring, case-insensitive). The
     * counts are kept on the entity row (V6), so the list reads entity_mentions_idx in order, never article_entity.
     */
    public List<EntityCounts> list(String text, String type, Long afterMentions, String afterKey, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT e.key, e.name, e.type, e.article_count AS articles, e.mention_count AS mentions
                FROM entity e WHERE e.article_count > 0""");
        Map<String, Object> params = new HashMap<>();
        if (type != null) {
            sql.append(" AND e.type = :type");
            params.put("type", type);
        }
        if (text != null) {
            // the name is always one of the aliases; the trigram index entity_alias_trgm_idx (V6) serves the substring match
            sql.append(" AND e.key IN (SELECT x.entity_key FROM entity_alias x WHERE lower(x.alias) LIKE :pattern ESCAPE '\\')");
            params.put("pattern", "%" + likeEscape(text.toLowerCase(Locale.ROOT)) + "%");
        }
        if (afterKey != null) {
            sql.append(" AND (e.mention_count < :afterMentions OR (e.mention_count = :afterMentions AND e.key > :afterKey))");
            params.put("afterMentions", afterMentions);
            params.put("afterKey", afterKey);
        }
        sql.append(" ORDER BY e.mention_count DESC, e.key ASC LIMIT :limit");
        params.put("limit", limit);
        NativeQuery<Tuple> query = Rows.query(em, sql.toString());
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(EntityRepository::counts).toList();
    }

    private static EntityCounts counts(Tuple r) {
        return new EntityCounts(Rows.text(r, "key"), Rows.text(r, "name"), Rows.text(r, "type"),
                Rows.whole(r, "articles"), Rows.whole(r, "mentions"));
    }

    /** The entity with this key, or the one it was merged into; none for a rejected one (V14). */
    public Optional<EntityCounts> find(String key) {
        return Rows.query(em, """
                        SELECT e.key, e.name, e.type, e.article_count AS articles, e.mention_count AS mentions FROM entity e
                        WHERE e.key = coalesce((SELECT to_key FROM entity_redirect WHERE from_key = :key), :key)
                        AND NOT EXISTS (SELECT 1 FROM curation c WHERE c.entity_key = e.key AND c.operation = 'reject'
                                        AND c.undone_by IS NULL)""")
                .setParameter("key", key).getResultList().stream().findFirst().map(EntityRepository::counts);
    }

    /** Aliases per key, alphabetically. */
    public Map<String, List<String>> aliases(List<String> keys) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        Rows.query(em, "SELECT entity_key, alias FROM entity_alias WHERE entity_key IN (:keys) ORDER BY alias")
                .setParameter("keys", keys).getResultList()
                .forEach(r -> result.computeIfAbsent(Rows.text(r, "entity_key"), k -> new ArrayList<>()).add(Rows.text(r, "alias")));
        return result;
    }

    /**
     * Entities that appear in the same articles, strongest (most shared articles) first, counted over the entity's
     * newest {@value #RELATED_WINDOW} articles: for a popular entity the co-occurrences of all its articles cost a
     * join over hundreds of thousands of rows per page view (docs/performance.md), and recent neighbours are the
     * ones the page is for. Entities in fewer articles are counted exactly.
     */
    public List<Related> related(String key, int limit) {
        return Rows.query(em, """
                        WITH recent AS (
                            SELECT article_id FROM article_entity WHERE entity_key = :key
                            ORDER BY sort_at DESC, article_id DESC LIMIT :window),
                        strongest AS (
                            SELECT other.entity_key, count(*) AS shared
                            FROM recent JOIN article_entity other ON other.article_id = recent.article_id AND other.entity_key <> :key
                            GROUP BY other.entity_key
                            ORDER BY shared DESC, other.entity_key LIMIT :limit)
                        SELECT s.entity_key, e.name, e.type, s.shared
                        FROM strongest s JOIN entity e ON e.key = s.entity_key
                        ORDER BY s.shared DESC, s.entity_key""")
                .setParameter("key", key).setParameter("window", RELATED_WINDOW).setParameter("limit", limit).getResultList()
                .stream().map(r -> new Related(Rows.text(r, "entity_key"), Rows.text(r, "name"), Rows.text(r, "type"),
                        Rows.whole(r, "shared"))).toList();
    }

    /**
     * Articles mentioning the entity per month of publication; articles of unknown date are left out. Counted on write
     * (entity_month, V15): one index range per page view, however many articles the entity has.
     */
    public List<MonthCount> timeline(String key) {
        return months(key, "published");
    }

    /**
     * Articles mentioning the entity per month their text speaks of: each article counts once in every month
     * one of its dates (a day, a week or a month; longer spans are too vague to place) falls in. Counted on write too.
     */
    public List<MonthCount> mentionedTimeline(String key) {
        return months(key, "mentioned");
    }

    /** @param column entity_month's count: {@code published} or {@code mentioned} (a fixed name, never user input) */
    private List<MonthCount> months(String key, String column) {
        return Rows.query(em, """
                        SELECT to_char(month, 'YYYY-MM') AS month, %1$s AS articles FROM entity_month
                        WHERE entity_key = :key AND %1$s > 0 ORDER BY entity_month.month""".formatted(column))
                .setParameter("key", key).getResultList().stream()
                .map(r -> new MonthCount(Rows.text(r, "month"), Rows.whole(r, "articles"))).toList();
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
