package io.newsflow.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.Acronyms;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-article canonical entities for what one article cannot know: an acronym used alone ("the GNA said") is the
 * organisation another article defined it as ("Government of National Accord (GNA)"). Order does not matter:
 * <ul>
 *   <li>an article whose entity is a bare acronym that exactly one other entity of its type has as an alias is
 *       stored under that entity ({@link #resolve});</li>
 *   <li>an article that defines an acronym merges the entity stored so far under the bare acronym into the defined
 *       one ({@link #learn}): its article links, aliases and the stored articles' entity lists move over, and the
 *       old key keeps answering through {@code entity_redirect}.</li>
 * </ul>
 * Ambiguous acronyms (two organisations with the alias "PM") and people are never merged. Runs inside the storing
 * transaction; merges take an advisory lock per key so that api instances storing at once agree.
 */
@ApplicationScoped
public class EntityMerges {

    private final EntityManager em;
    private final ObjectMapper json;

    public EntityMerges(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    static String acronym(String surface) {
        return Acronyms.of(surface).orElse(null); // the pipeline's one rule, the one enrichment applies
    }

    /** The article's entities under their cross-article keys; entities that land on one key are combined. */
    public List<Entity> resolve(List<Entity> entities) {
        if (entities.isEmpty()) {
            return entities;
        }
        Map<String, String> targets = redirects(entities.stream().map(Entity::key).toList());
        for (Entity e : entities) {
            if (targets.containsKey(e.key()) || !isBareAcronym(e)) {
                continue;
            }
            String acronym = acronym(e.name());
            List<?> owners = em.createNativeQuery("""
                            SELECT DISTINCT a.entity_key FROM entity_alias a JOIN entity x ON x.key = a.entity_key
                            WHERE a.alias IN (:forms) AND x.type = :type AND x.key <> :key AND x.name NOT IN (:forms)
                            LIMIT 2""")
                    .setParameter("forms", List.of(acronym, e.name()))
                    .setParameter("type", e.type().name())
                    .setParameter("key", e.key())
                    .getResultList();
            if (owners.size() == 1) {
                String target = (String) owners.get(0);
                targets.put(e.key(), target);
                em.createNativeQuery("INSERT INTO entity_redirect (from_key, to_key) VALUES (:from, :to) ON CONFLICT DO NOTHING")
                        .setParameter("from", e.key()).setParameter("to", target).executeUpdate();
            }
        }
        return targets.isEmpty() ? entities : apply(entities, targets, names(List.copyOf(targets.values())));
    }

    /**
     * True when {@link #resolve} would look up stored entities and aliases for these entities (a bare acronym), and so
     * must see the rows of the articles stored before in the same transaction.
     */
    public static boolean resolveReadsStoredEntities(List<Entity> entities) {
        return entities.stream().anyMatch(EntityMerges::isBareAcronym);
    }

    /** True when {@link #learn} would look for entities to merge (an entity defines an acronym); otherwise it does nothing. */
    public static boolean learnReadsStoredEntities(List<Entity> stored) {
        return stored.stream().anyMatch(e -> !definedAcronyms(e).isEmpty());
    }

    /**
     * True when entities not yet written could change what {@link #learn} finds for {@code stored}: one named like an
     * acronym that {@code stored} defines, or another entity with that acronym as an alias (name or mention).
     */
    public static boolean unwrittenMatter(List<Entity> unwritten, List<Entity> stored) {
        for (Entity e : stored) {
            for (String acronym : definedAcronyms(e)) {
                for (Entity u : unwritten) {
                    if (acronym.equals(u.name()) || !u.key().equals(e.key())
                            && u.mentions().stream().anyMatch(m -> acronym.equals(m.text()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isBareAcronym(Entity e) {
        String acronym = e.type() == EntityType.PERSON ? null : acronym(e.name());
        return acronym != null && e.mentions().stream().allMatch(m -> acronym.equals(acronym(m.text())));
    }

    private static List<String> definedAcronyms(Entity e) {
        if (e.type() == EntityType.PERSON || acronym(e.name()) != null) {
            return List.of();
        }
        return e.mentions().stream().map(m -> acronym(m.text())).filter(a -> a != null).distinct().toList();
    }

    /** True when {@link #learn} would merge something into these entities, as the stored rows are now. */
    public boolean wouldMerge(List<Entity> stored) {
        return stored.stream().anyMatch(e -> definedAcronyms(e).stream().anyMatch(a -> !bareEntities(e, a).isEmpty()));
    }

    /** Merges entities stored so far under a bare acronym into the entities of this article that define it. */
    public void learn(List<Entity> stored) {
        for (Entity e : stored) {
            for (String acronym : definedAcronyms(e)) {
                for (String from : bareEntities(e, acronym)) {
                    merge(from, e.key());
                }
            }
        }
    }

    /** Entities named {@code acronym} that no other entity of the type has as an alias: {@code e} defines them. */
    private List<String> bareEntities(Entity e, String acronym) {
        @SuppressWarnings("unchecked")
        List<String> bare = em.createNativeQuery("""
                        SELECT x.key FROM entity x WHERE x.type = :type AND x.key <> :key AND x.name = :acronym
                        AND NOT EXISTS (SELECT 1 FROM entity_alias a JOIN entity o ON o.key = a.entity_key
                                        WHERE a.alias = :acronym AND o.type = :type AND o.key NOT IN (x.key, :key))""")
                .setParameter("type", e.type().name()).setParameter("key", e.key()).setParameter("acronym", acronym)
                .getResultList();
        return bare;
    }

    private void merge(String from, String to) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:k))").setParameter("k", from).getSingleResult();
        if (em.createNativeQuery("SELECT 1 FROM entity WHERE key = :k").setParameter("k", from).getResultList().isEmpty()) {
            return; // another instance merged it first
        }
        @SuppressWarnings("unchecked")
        List<Object[]> affected = em.createNativeQuery("""
                        SELECT a.id, CAST(a.entities AS text) FROM article a JOIN article_entity ae ON ae.article_id = a.id
                        WHERE ae.entity_key = :from""").setParameter("from", from).getResultList();
        update("""
                INSERT INTO article_entity (article_id, entity_key, name, type, mention_count, first_offset, sort_at)
                SELECT article_id, :to, name, type, mention_count, first_offset, sort_at FROM article_entity WHERE entity_key = :from
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
        Map<String, String> names = names(List.of(to));
        for (Object[] row : affected) {
            List<Entity> merged = apply(read((String) row[1]), Map.of(from, to), names);
            em.createNativeQuery("UPDATE article SET entities = CAST(:entities AS jsonb) WHERE id = :id")
                    .setParameter("entities", write(merged)).setParameter("id", row[0]).executeUpdate();
        }
    }

    private void update(String sql, String from, String to) {
        var query = em.createNativeQuery(sql).setParameter("from", from);
        if (to != null) {
            query.setParameter("to", to);
        }
        query.executeUpdate();
    }

    private Map<String, String> redirects(List<String> keys) {
        Map<String, String> targets = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT from_key, to_key FROM entity_redirect WHERE from_key IN (:keys)")
                .setParameter("keys", keys).getResultList();
        rows.forEach(r -> targets.put((String) r[0], (String) r[1]));
        return targets;
    }

    private Map<String, String> names(List<String> keys) {
        Map<String, String> names = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT key, name FROM entity WHERE key IN (:keys)")
                .setParameter("keys", keys).getResultList();
        rows.forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    /** Renames redirected entities and combines those that share a key, mentions in text order. */
    static List<Entity> apply(List<Entity> entities, Map<String, String> targets, Map<String, String> names) {
        Map<String, Entity> byKey = new LinkedHashMap<>();
        for (Entity e : entities) {
            String key = targets.getOrDefault(e.key(), e.key());
            String name = key.equals(e.key()) ? e.name() : names.getOrDefault(key, e.name());
            Entity previous = byKey.get(key);
            if (previous == null) {
                byKey.put(key, new Entity(key, name, e.type(), e.subtype(), e.mentions()));
            } else {
                List<Entity.Mention> mentions = new ArrayList<>(previous.mentions());
                mentions.addAll(e.mentions());
                mentions.sort(Comparator.comparingInt(Entity.Mention::start));
                // the defined name wins over the bare acronym
                String kept = acronym(previous.name()) != null ? name : previous.name();
                byKey.put(key, new Entity(key, kept, previous.type(), previous.subtype(), mentions));
            }
        }
        return List.copyOf(byKey.values());
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
