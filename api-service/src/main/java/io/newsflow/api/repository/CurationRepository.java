package io.newsflow.api.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.Entity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of analysts' corrections (the rules are {@code service.Curations}'): the curation log, the corrections in
 * force that the store path applies, the rejected entities' links kept aside, and the entity and link rows a
 * correction changes. Corrections and stores exclude each other through one advisory lock (exclusive for a
 * correction, shared for a store), so a store never applies the rules of a moment ago to rows a correction moves.
 */
@ApplicationScoped
public class CurationRepository {

    /** The advisory lock key corrections take exclusively and stores share ("curation" in ASCII). */
    private static final long LOCK = 0x6375726174696f6eL;

    /** A correction in the log; {@code before} and {@code after} are what it changed (JSON objects). */
    public record CurationRow(long id, String operation, String entityKey, String target, String newKey, List<String> keys,
                              JsonNode before, JsonNode after, String actor, Instant createdAt, Long undoes, Long undoneBy) {
    }

    /** A correction in force for an entity key, as the store path applies it. */
    public record Rule(String operation, String entityKey, String target, String newKey, JsonNode after) {
    }

    /** An entity row. */
    public record EntityRow(String key, String name, String type) {
    }

    /** An article's link to an entity: its place in the article's list and its mentions. */
    public record Link(UUID articleId, int position, Entity entity) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public CurationRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Until the transaction ends, no store runs and no other correction. */
    public void lockForCorrection() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:k)").setParameter("k", LOCK).getSingleResult();
    }

    /** Until the transaction ends, no correction runs (stores run side by side). */
    public void lockForStore() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(:k)").setParameter("k", LOCK).getSingleResult();
    }

    /** The corrections in force (not undone) on these keys, oldest first: a later edit wins over an earlier one. */
    public List<Rule> rulesFor(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return Rows.query(em, """
                        SELECT operation, entity_key, target, new_key, CAST(after AS text) AS after FROM curation
                        WHERE undone_by IS NULL AND operation IN ('split', 'edit', 'reject') AND entity_key IN (:keys)
                        ORDER BY id""")
                .setParameter("keys", List.copyOf(keys)).getResultList().stream()
                .map(r -> new Rule(Rows.text(r, "operation"), Rows.text(r, "entity_key"), Rows.text(r, "target"),
                        Rows.text(r, "new_key"), readJson(Rows.text(r, "after"))))
                .toList();
    }

    // ---- the log ---------------------------------------------------------------------------------------------

    public long insert(String operation, String entityKey, String target, String newKey, List<String> keys,
                       Object before, Object after, String actor, Instant at, Long undoes) {
        return ((Number) em.createNativeQuery("""
                        INSERT INTO curation (operation, entity_key, target, new_key, keys, before, after, actor, created_at, undoes)
                        VALUES (:operation, :entityKey, :target, :newKey, CAST(:keys AS text[]), CAST(:before AS jsonb),
                                CAST(:after AS jsonb), :actor, :at, :undoes)
                        RETURNING id""")
                .setParameter("operation", operation).setParameter("entityKey", entityKey).setParameter("target", target)
                .setParameter("newKey", newKey).setParameter("keys", textArray(keys))
                .setParameter("before", writeJson(before)).setParameter("after", writeJson(after))
                .setParameter("actor", actor).setParameter("at", Rows.utc(at)).setParameter("undoes", undoes)
                .getSingleResult()).longValue();
    }

    public void markUndone(long id, long undoId) {
        em.createNativeQuery("UPDATE curation SET undone_by = :undo WHERE id = :id")
                .setParameter("undo", undoId).setParameter("id", id).executeUpdate();
    }

    public Optional<CurationRow> find(long id) {
        return Rows.query(em, "SELECT " + CURATION_COLUMNS + " FROM curation WHERE id = :id")
                .setParameter("id", id).getResultList().stream().findFirst().map(this::curation);
    }

    /** The first correction after {@code id}, not undone and no undo itself, that touched one of these keys. */
    public Optional<Long> laterTouching(long id, List<String> keys) {
        return Rows.query(em, """
                        SELECT id FROM curation WHERE id > :id AND undone_by IS NULL AND operation <> 'undo'
                        AND keys && CAST(:keys AS text[]) ORDER BY id LIMIT 1""")
                .setParameter("id", id).setParameter("keys", textArray(keys)).getResultList().stream()
                .findFirst().map(r -> Rows.whole(r, "id"));
    }

    /** Newest first, ids below {@code beforeId} (null: from the newest); {@code keys}: only those touching one (null: all). */
    public List<CurationRow> page(List<String> keys, Long beforeId, int limit) {
        var query = Rows.query(em, "SELECT " + CURATION_COLUMNS + " FROM curation WHERE id < :before"
                + (keys == null ? "" : " AND keys && CAST(:keys AS text[])") + " ORDER BY id DESC LIMIT :limit")
                .setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId).setParameter("limit", limit);
        if (keys != null) {
            query.setParameter("keys", textArray(keys));
        }
        return query.getResultList().stream().map(this::curation).toList();
    }

    private static final String CURATION_COLUMNS = "id, operation, entity_key, target, new_key, array_to_string(keys, chr(31)) AS keys, "
            + "CAST(before AS text) AS before, CAST(after AS text) AS after, actor, created_at, undoes, undone_by";

    private CurationRow curation(Tuple r) {
        Number undoes = r.get("undoes", Number.class);
        Number undoneBy = r.get("undone_by", Number.class);
        return new CurationRow(Rows.whole(r, "id"), Rows.text(r, "operation"), Rows.text(r, "entity_key"),
                Rows.text(r, "target"), Rows.text(r, "new_key"), List.of(Rows.text(r, "keys").split("\u001f")),
                readJson(Rows.text(r, "before")), readJson(Rows.text(r, "after")), Rows.text(r, "actor"),
                Rows.instant(r, "created_at"), undoes == null ? null : undoes.longValue(),
                undoneBy == null ? null : undoneBy.longValue());
    }

    // ---- entities --------------------------------------------------------------------------------------------

    /** The entity stored under this key, or under the key it was merged into. */
    public Optional<EntityRow> current(String key) {
        return Rows.query(em, """
                        SELECT key, name, type FROM entity
                        WHERE key = coalesce((SELECT to_key FROM entity_redirect WHERE from_key = :key), :key)""")
                .setParameter("key", key).getResultList().stream().findFirst()
                .map(r -> new EntityRow(Rows.text(r, "key"), Rows.text(r, "name"), Rows.text(r, "type")));
    }

    /** Whether a key is in use: an entity's, or one that answers as another (a redirect). */
    public boolean keyTaken(String key) {
        return !em.createNativeQuery("SELECT 1 FROM entity WHERE key = :k UNION ALL SELECT 1 FROM entity_redirect WHERE from_key = :k")
                .setParameter("k", key).getResultList().isEmpty();
    }

    public boolean rejected(String key) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM curation WHERE entity_key = :k AND operation = 'reject' AND undone_by IS NULL""")
                .setParameter("k", key).getResultList().isEmpty();
    }

    public void createEntity(String key, String name, String type) {
        em.createNativeQuery("INSERT INTO entity (key, name, type) VALUES (:key, :name, :type)")
                .setParameter("key", key).setParameter("name", name).setParameter("type", type).executeUpdate();
    }

    /**
     * Gives the entity this name and type, and so its article links (as a merge names moved links); a link keeps its
     * subtype only while the type stays. The name becomes an alias, as every entity's name is.
     */
    public void setNameAndType(String key, String name, String type) {
        em.createNativeQuery("UPDATE entity SET name = :name, type = :type WHERE key = :key")
                .setParameter("key", key).setParameter("name", name).setParameter("type", type).executeUpdate();
        em.createNativeQuery("""
                        UPDATE article_entity SET name = :name, subtype = CASE WHEN type = :type THEN subtype END, type = :type
                        WHERE entity_key = :key""")
                .setParameter("key", key).setParameter("name", name).setParameter("type", type).executeUpdate();
        addAliases(key, List.of(name));
    }

    public void addAliases(String key, Collection<String> aliases) {
        if (!aliases.isEmpty()) {
            em.createNativeQuery("""
                            INSERT INTO entity_alias (entity_key, alias) SELECT :key, unnest(CAST(:aliases AS text[]))
                            ON CONFLICT DO NOTHING""")
                    .setParameter("key", key).setParameter("aliases", textArray(List.copyOf(aliases))).executeUpdate();
        }
    }

    public void removeAliases(String key, Collection<String> aliases) {
        if (!aliases.isEmpty()) {
            em.createNativeQuery("DELETE FROM entity_alias WHERE entity_key = :key AND alias = ANY(CAST(:aliases AS text[]))")
                    .setParameter("key", key).setParameter("aliases", textArray(List.copyOf(aliases))).executeUpdate();
        }
    }

    /** The keys that answer as this one (merged into it). */
    public List<String> redirectsTo(String key) {
        return Rows.query(em, "SELECT from_key FROM entity_redirect WHERE to_key = :k ORDER BY from_key")
                .setParameter("k", key).getResultList().stream().map(r -> Rows.text(r, "from_key")).toList();
    }

    /** {@code from} answers as itself again. */
    public void removeRedirect(String from) {
        em.createNativeQuery("DELETE FROM entity_redirect WHERE from_key = :k").setParameter("k", from).executeUpdate();
    }

    /** These keys answer as {@code to} from now on. */
    public void pointRedirects(List<String> keys, String to) {
        if (!keys.isEmpty()) {
            em.createNativeQuery("UPDATE entity_redirect SET to_key = :to WHERE from_key = ANY(CAST(:keys AS text[]))")
                    .setParameter("to", to).setParameter("keys", textArray(keys)).executeUpdate();
        }
    }

    // ---- links -----------------------------------------------------------------------------------------------

    /** Every article link of the entity, in article id order. */
    public List<Link> links(String key) {
        return Rows.query(em, "SELECT ae.article_id, ae.position, " + EntityLinks.COLUMNS
                        + " FROM article_entity ae WHERE ae.entity_key = :key ORDER BY ae.article_id")
                .setParameter("key", key).getResultList().stream()
                .map(r -> new Link(r.get("article_id", UUID.class), (int) Rows.whole(r, "position"), EntityLinks.entity(r, json)))
                .toList();
    }

    /**
     * The type each article's enrichment gave the entity (article id -> type): its link's given_type, or its type where
     * that is the given one (V13).
     */
    public Map<UUID, String> givenTypes(String key) {
        Map<UUID, String> types = new HashMap<>();
        Rows.query(em, "SELECT article_id, coalesce(given_type, type) AS given FROM article_entity WHERE entity_key = :key")
                .setParameter("key", key).getResultList()
                .forEach(r -> types.put(r.get("article_id", UUID.class), Rows.text(r, "given")));
        return types;
    }

    /** The entity's links in these articles keep the type each article gave it (article id -> type), as a store does. */
    public void setGivenTypes(String key, Map<UUID, String> givenTypes) {
        if (givenTypes.isEmpty()) {
            return;
        }
        List<String> articles = new ArrayList<>();
        List<String> types = new ArrayList<>();
        givenTypes.forEach((article, type) -> {
            articles.add(article.toString());
            types.add(type);
        });
        em.createNativeQuery("""
                        UPDATE article_entity ae SET given_type = nullif(g.type, ae.type)
                        FROM unnest(CAST(:articles AS uuid[]), CAST(:types AS text[])) AS g(article_id, type)
                        WHERE ae.entity_key = :key AND ae.article_id = g.article_id""")
                .setParameter("key", key).setParameter("articles", textArray(articles)).setParameter("types", textArray(types))
                .executeUpdate();
    }

    /**
     * What a new link row of article {@code a} is counted under (V15): its publication month and the months its dates
     * (spans under 31 days) fall in; and the days its dates cover, for the entity's mentioned-date filter (V16); as
     * ArticleRepository writes them.
     */
    private static final String ARTICLE_MONTHS = """
            date_trunc('month', a.published_at AT TIME ZONE 'UTC')::date,
            coalesce((SELECT array_agg(DISTINCT date_trunc('month', d.date_from)::date ORDER BY date_trunc('month', d.date_from)::date)
                      FROM article_date d WHERE d.article_id = a.id AND d.date_from IS NOT NULL AND d.date_to - d.date_from < 31),
                     '{}'),
            coalesce((SELECT range_agg(daterange(d.date_from, d.date_to, '[]'))
                      FROM article_date d WHERE d.article_id = a.id AND d.date_from IS NOT NULL), '{}')""";

    /** The article's link to {@code key} now has these mentions (none: the link goes). */
    public void setMentions(UUID articleId, String key, List<Entity.Mention> mentions) {
        if (mentions.isEmpty()) {
            em.createNativeQuery("DELETE FROM article_entity WHERE article_id = :id AND entity_key = :key")
                    .setParameter("id", articleId).setParameter("key", key).executeUpdate();
            return;
        }
        em.createNativeQuery("""
                        UPDATE article_entity SET mentions = CAST(:mentions AS jsonb), mention_count = :count, first_offset = :first
                        WHERE article_id = :id AND entity_key = :key""")
                .setParameter("mentions", EntityLinks.writeMentions(json, mentions)).setParameter("count", mentions.size())
                .setParameter("first", firstOffset(mentions)).setParameter("id", articleId).setParameter("key", key)
                .executeUpdate();
    }

    /**
     * Links the article to the entity with these mentions, added to those of a link it already has; a new link keeps
     * {@code givenType}, the type the article gave them (null: the entity's), while a link it had keeps its own.
     */
    public void addLink(UUID articleId, int position, Entity entity, String givenType) {
        em.createNativeQuery("""
                        INSERT INTO article_entity (article_id, entity_key, name, type, subtype, position, mentions, mention_count,
                                                    first_offset, given_type, sort_at, published_month, mentioned_months,
                                                    mentioned_spans)
                        SELECT a.id, :key, :name, :type, :subtype, :position, CAST(:mentions AS jsonb), :count, :first,
                               nullif(CAST(:given AS text), :type), a.sort_at, """ + ARTICLE_MONTHS + """
                        FROM article a WHERE a.id = :id
                        ON CONFLICT (article_id, entity_key) DO UPDATE SET
                            mentions = article_entity.mentions || EXCLUDED.mentions,
                            mention_count = article_entity.mention_count + EXCLUDED.mention_count,
                            first_offset = least(article_entity.first_offset, EXCLUDED.first_offset)""")
                .setParameter("id", articleId).setParameter("key", entity.key()).setParameter("name", entity.name())
                .setParameter("type", entity.type().name()).setParameter("subtype", entity.subtype())
                .setParameter("position", position)
                .setParameter("mentions", EntityLinks.writeMentions(json, entity.mentions()))
                .setParameter("count", entity.mentions().size()).setParameter("first", firstOffset(entity.mentions()))
                .setParameter("given", givenType).executeUpdate();
    }

    // ---- rejected entities' links ----------------------------------------------------------------------------

    /**
     * Moves the entity's article links aside: nothing that reads article_entity sees them any more. They keep the type
     * each article gave the entity (given_type, V17) for an undo.
     */
    public void hideLinks(String key) {
        em.createNativeQuery("""
                        INSERT INTO rejected_article_entity (article_id, entity_key, name, type, subtype, position, mentions,
                                                             mention_count, first_offset, given_type)
                        SELECT article_id, entity_key, name, type, subtype, position, mentions, mention_count, first_offset,
                               given_type
                        FROM article_entity WHERE entity_key = :key
                        ON CONFLICT (article_id, entity_key) DO NOTHING""").setParameter("key", key).executeUpdate();
        em.createNativeQuery("DELETE FROM article_entity WHERE entity_key = :key").setParameter("key", key).executeUpdate();
    }

    /** Puts the entity's links kept aside back (those of articles still stored), with the types their articles gave. */
    public void restoreLinks(String key) {
        em.createNativeQuery("""
                        INSERT INTO article_entity (article_id, entity_key, name, type, subtype, position, mentions, mention_count,
                                                    first_offset, given_type, sort_at, published_month, mentioned_months,
                                                    mentioned_spans)
                        SELECT r.article_id, r.entity_key, r.name, r.type, r.subtype, r.position, r.mentions, r.mention_count,
                               r.first_offset, r.given_type, a.sort_at, """ + ARTICLE_MONTHS + """
                        FROM rejected_article_entity r JOIN article a ON a.id = r.article_id WHERE r.entity_key = :key
                        ORDER BY r.article_id
                        ON CONFLICT (article_id, entity_key) DO NOTHING""").setParameter("key", key).executeUpdate();
        em.createNativeQuery("DELETE FROM rejected_article_entity WHERE entity_key = :key").setParameter("key", key).executeUpdate();
    }

    /** The article's links to rejected entities, replacing those of its previous version. */
    public void replaceRejectedLinks(UUID articleId, List<Link> links) {
        em.createNativeQuery("DELETE FROM rejected_article_entity WHERE article_id = :id").setParameter("id", articleId)
                .executeUpdate();
        for (Link link : links) {
            Entity e = link.entity();
            em.createNativeQuery("""
                            INSERT INTO rejected_article_entity (article_id, entity_key, name, type, subtype, position, mentions,
                                                                 mention_count, first_offset)
                            VALUES (:id, :key, :name, :type, :subtype, :position, CAST(:mentions AS jsonb), :count, :first)
                            ON CONFLICT (article_id, entity_key) DO NOTHING""")
                    .setParameter("id", articleId).setParameter("key", e.key()).setParameter("name", e.name())
                    .setParameter("type", e.type().name()).setParameter("subtype", e.subtype())
                    .setParameter("position", link.position())
                    .setParameter("mentions", EntityLinks.writeMentions(json, e.mentions()))
                    .setParameter("count", e.mentions().size()).setParameter("first", firstOffset(e.mentions()))
                    .executeUpdate();
        }
    }

    private static int firstOffset(List<Entity.Mention> mentions) {
        return mentions.stream().mapToInt(Entity.Mention::start).min().orElse(0);
    }

    /** A text[] parameter as its literal: the driver binds it as text, the statement casts it. */
    private static String textArray(List<String> values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : ",").append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append('}').toString();
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a curation", e);
        }
    }

    private JsonNode readJson(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored curation is not readable", e);
        }
    }
}
