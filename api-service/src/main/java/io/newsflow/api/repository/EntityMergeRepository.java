package io.newsflow.api.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of cross-article entity merges (the rules are {@code service.EntityMerges}'): redirects from old keys, who
 * owns an alias, and moving everything stored under one entity key to another under an advisory lock per key, so
 * that api instances storing at once agree. Reads that the storing transaction's queued article rows could change
 * write those rows first ({@link ArticleRepository#writeQueuedIfAnyAlias}).
 */
@ApplicationScoped
public class EntityMergeRepository {

    /** A stored article linked to an entity, with its entities as stored with it. */
    public record LinkedArticle(UUID id, List<Entity> entities) {
    }

    private final EntityManager em;
    private final ArticleRepository articles;
    private final ObjectMapper json;

    public EntityMergeRepository(EntityManager em, ArticleRepository articles, ObjectMapper json) {
        this.em = em;
        this.articles = articles;
        this.json = json;
    }

    /** Where each of these keys was merged to; keys never merged are absent. */
    public Map<String, String> redirects(List<String> keys) {
        Map<String, String> targets = new LinkedHashMap<>();
        Rows.query(em, "SELECT from_key, to_key FROM entity_redirect WHERE from_key IN (:keys)")
                .setParameter("keys", keys).getResultList()
                .forEach(r -> targets.put(Rows.text(r, "from_key"), Rows.text(r, "to_key")));
        return targets;
    }

    /**
     * The one entity of this type, other than {@code key}, that has one of the forms as an alias without being named
     * by it; empty when none or several do.
     */
    public Optional<String> soleAliasOwner(List<String> forms, EntityType type, String key) {
        articles.writeQueuedIfAnyAlias((entityKey, alias) -> forms.contains(alias) && !entityKey.equals(key));
        List<String> owners = Rows.query(em, """
                        SELECT DISTINCT a.entity_key FROM entity_alias a JOIN entity x ON x.key = a.entity_key
                        WHERE a.alias IN (:forms) AND x.type = :type AND x.key <> :key AND x.name NOT IN (:forms)
                        LIMIT 2""")
                .setParameter("forms", forms).setParameter("type", type.name()).setParameter("key", key)
                .getResultList().stream().map(r -> Rows.text(r, "entity_key")).toList();
        return owners.size() == 1 ? Optional.of(owners.get(0)) : Optional.empty();
    }

    /** From now on {@code from} answers as {@code to}; a redirect already there stays. */
    public void redirect(String from, String to) {
        em.createNativeQuery("INSERT INTO entity_redirect (from_key, to_key) VALUES (:from, :to) ON CONFLICT DO NOTHING")
                .setParameter("from", from).setParameter("to", to).executeUpdate();
    }

    /**
     * Entities of this type named {@code acronym}, other than {@code key}, that no entity of the type but themselves
     * and {@code key} has as an alias.
     */
    public List<String> entitiesNamedOnlyBy(String acronym, EntityType type, String key) {
        // the queued rows matter when one of them is named so, or gives the alias to another entity than key
        articles.writeQueuedIfAnyAlias((entityKey, alias) -> acronym.equals(alias) && !entityKey.equals(key));
        return Rows.query(em, """
                        SELECT x.key FROM entity x WHERE x.type = :type AND x.key <> :key AND x.name = :acronym
                        AND NOT EXISTS (SELECT 1 FROM entity_alias a JOIN entity o ON o.key = a.entity_key
                                        WHERE a.alias = :acronym AND o.type = :type AND o.key NOT IN (x.key, :key))""")
                .setParameter("type", type.name()).setParameter("key", key).setParameter("acronym", acronym)
                .getResultList().stream().map(r -> Rows.text(r, "key")).toList();
    }

    /** The names of these entities by key. */
    public Map<String, String> names(List<String> keys) {
        Map<String, String> names = new LinkedHashMap<>();
        Rows.query(em, "SELECT key, name FROM entity WHERE key IN (:keys)").setParameter("keys", keys).getResultList()
                .forEach(r -> names.put(Rows.text(r, "key"), Rows.text(r, "name")));
        return names;
    }

    /**
     * Takes the merge lock of an entity key until the transaction ends, after writing every queued article row (a
     * merge moves all rows stored under the key).
     *
     * @return whether the entity is still stored: false when another instance merged it first
     */
    public boolean lockForMerge(String key) {
        articles.writeQueued();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:k))").setParameter("k", key).getSingleResult();
        return !em.createNativeQuery("SELECT 1 FROM entity WHERE key = :k").setParameter("k", key).getResultList().isEmpty();
    }

    /** The stored articles linked to the entity, with the entities stored with each. */
    public List<LinkedArticle> articlesLinkedTo(String key) {
        return Rows.query(em, """
                        SELECT a.id, CAST(a.entities AS text) AS entities FROM article a
                        JOIN article_entity ae ON ae.article_id = a.id WHERE ae.entity_key = :key""")
                .setParameter("key", key).getResultList().stream()
                .map(r -> new LinkedArticle(r.get("id", UUID.class), read(Rows.text(r, "entities")))).toList();
    }

    /**
     * Moves the article links and aliases of entity {@code from} to entity {@code to}, points the redirects to
     * {@code from} at {@code to}, and removes {@code from}, which answers as {@code to} from then on.
     */
    public void move(String from, String to) {
        // a moved link is named as the entity it now points to, as the article's stored entities are (EntityMerges.apply)
        update("""
                INSERT INTO article_entity (article_id, entity_key, name, type, mention_count, first_offset, sort_at)
                SELECT article_id, :to, (SELECT e.name FROM entity e WHERE e.key = :to), type, mention_count, first_offset, sort_at
                FROM article_entity WHERE entity_key = :from
                ON CONFLICT (article_id, entity_key) DO UPDATE SET
                    mention_count = article_entity.mention_count + EXCLUDED.mention_count,
                    first_offset = least(article_entity.first_offset, EXCLUDED.first_offset)""", from, to);
        update("DELETE FROM article_entity WHERE entity_key = :from", from, null);
        update("INSERT INTO entity_alias (entity_key, alias) SELECT :to, alias FROM entity_alias WHERE entity_key = :from "
                + "ON CONFLICT DO NOTHING", from, to);
        update("DELETE FROM entity_alias WHERE entity_key = :from", from, null);
        update("UPDATE entity_redirect SET to_key = :to WHERE to_key = :from", from, to);
        update("INSERT INTO entity_redirect (from_key, to_key) VALUES (:from, :to) ON CONFLICT (from_key) DO UPDATE SET to_key = :to", from, to);
        update("DELETE FROM entity WHERE key = :from", from, null);
    }

    /** Replaces the entities stored with an article. */
    public void replaceEntities(UUID articleId, List<Entity> entities) {
        em.createNativeQuery("UPDATE article SET entities = CAST(:entities AS jsonb) WHERE id = :id")
                .setParameter("entities", write(entities)).setParameter("id", articleId).executeUpdate();
    }

    private void update(String sql, String from, String to) {
        var query = em.createNativeQuery(sql).setParameter("from", from);
        if (to != null) {
            query.setParameter("to", to);
        }
        query.executeUpdate();
    }

    private List<Entity> read(String entitiesJson) {
        try {
            return json.readValue(entitiesJson, new TypeReference<List<Entity>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored entities are not readable", e);
        }
    }

    private String write(List<Entity> entities) {
        try {
            return json.writeValueAsString(entities);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise entities", e);
        }
    }
}
