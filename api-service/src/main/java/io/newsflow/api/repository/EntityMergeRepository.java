package io.newsflow.api.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
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

    /** A stored article with some of its entities, in their order in the article; {@code firstPosition}: the first's place. */
    public record LinkedArticle(UUID id, List<Entity> entities, int firstPosition) {
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

    /**
     * The stored articles that list both entities, each with those two entities in their order in the article and the
     * place of the first.
     */
    public List<LinkedArticle> articlesListingBoth(String from, String to) {
        Map<UUID, List<Entity>> entities = new LinkedHashMap<>();
        Map<UUID, Integer> firstPositions = new LinkedHashMap<>();
        Rows.query(em, "SELECT ae.article_id, ae.position, " + EntityLinks.COLUMNS + " " + """
                        FROM article_entity ae WHERE ae.entity_key IN (:from, :to) AND ae.article_id IN (
                            SELECT article_id FROM article_entity WHERE entity_key = :from
                            INTERSECT SELECT article_id FROM article_entity WHERE entity_key = :to)
                        ORDER BY ae.article_id, ae.position, ae.entity_key""")
                .setParameter("from", from).setParameter("to", to).getResultList().forEach(r -> {
                    UUID id = r.get("article_id", UUID.class);
                    entities.computeIfAbsent(id, k -> new ArrayList<>()).add(EntityLinks.entity(r, json));
                    firstPositions.putIfAbsent(id, (int) Rows.whole(r, "position"));
                });
        return entities.entrySet().stream()
                .map(e -> new LinkedArticle(e.getKey(), e.getValue(), firstPositions.get(e.getKey()))).toList();
    }

    /**
     * Makes the article's link to {@code merged.key()} the merged entity, in the place {@code position}, and removes its
     * link to {@code from}.
     */
    public void combineLinks(UUID articleId, String from, Entity merged, int position) {
        em.createNativeQuery("""
                        UPDATE article_entity SET name = :name, type = :type, subtype = :subtype, position = :position,
                            mentions = CAST(:mentions AS jsonb), mention_count = :count, first_offset = :first
                        WHERE article_id = :id AND entity_key = :key""")
                .setParameter("name", merged.name()).setParameter("type", merged.type().name())
                .setParameter("subtype", merged.subtype()).setParameter("position", position)
                .setParameter("mentions", EntityLinks.writeMentions(json, merged.mentions()))
                .setParameter("count", merged.mentions().size())
                .setParameter("first", merged.mentions().stream().mapToInt(Entity.Mention::start).min().orElse(0))
                .setParameter("id", articleId).setParameter("key", merged.key()).executeUpdate();
        em.createNativeQuery("DELETE FROM article_entity WHERE article_id = :id AND entity_key = :from")
                .setParameter("id", articleId).setParameter("from", from).executeUpdate();
    }

    /**
     * Moves the article links, aliases and linked page of entity {@code from} to entity {@code to}, points the redirects to
     * {@code from} at {@code to}, and removes {@code from}, which answers as {@code to} from then on. Articles that
     * list both entities are combined first ({@link #combineLinks}).
     */
    public void move(String from, String to) {
        // a moved link keeps its place and mentions and is named as the entity it now points to
        update("""
                UPDATE article_entity SET entity_key = :to, name = (SELECT e.name FROM entity e WHERE e.key = :to)
                WHERE entity_key = :from""", from, to);
        update("INSERT INTO entity_alias (entity_key, alias) SELECT :to, alias FROM entity_alias WHERE entity_key = :from "
                + "ON CONFLICT DO NOTHING", from, to);
        update("DELETE FROM entity_alias WHERE entity_key = :from", from, null);
        // the knowledge-base page (V13) comes along when the entity it joins has none
        update("UPDATE entity SET link_kb = f.link_kb, link_id = f.link_id FROM entity f "
                + "WHERE entity.key = :to AND f.key = :from AND entity.link_id IS NULL", from, to);
        update("UPDATE entity_redirect SET to_key = :to WHERE to_key = :from", from, to);
        update("INSERT INTO entity_redirect (from_key, to_key) VALUES (:from, :to) ON CONFLICT (from_key) DO UPDATE SET to_key = :to", from, to);
        update("DELETE FROM entity WHERE key = :from", from, null);
    }

    private void update(String sql, String from, String to) {
        var query = em.createNativeQuery(sql).setParameter("from", from);
        if (to != null) {
            query.setParameter("to", to);
        }
        query.executeUpdate();
    }
}
