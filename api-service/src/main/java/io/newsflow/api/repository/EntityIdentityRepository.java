package io.newsflow.api.repository;

import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The SQL of the identity rules that go beyond acronyms (the rules are {@code service.EntityIdentities}'): who holds a
 * Wikipedia page, the people a surname alone may mean, and the types an entity's articles give it (V13). Moving
 * entities is {@link EntityMergeRepository}'s. Reads that the storing transaction's queued article rows could change
 * write those rows first.
 */
@ApplicationScoped
public class EntityIdentityRepository {

    /** A stored person and the Wikipedia page it is linked to (null: none). */
    public record Person(String key, String page) {
    }

    private final EntityManager em;
    private final ArticleRepository articles;

    public EntityIdentityRepository(EntityManager em, ArticleRepository articles) {
        this.em = em;
        this.articles = articles;
    }

    /**
     * The keys holding each of these Wikipedia pages, in key order (one, unless two api instances stored a page under
     * two keys at once); pages no entity holds are absent.
     *
     * @param keyByPage the key the arriving article has for each page: queued rows that hold a page under another key
     *                  are written first
     */
    public Map<String, List<String>> pageHolders(Map<String, String> keyByPage) {
        articles.writeQueuedIfAnyEntity(e -> e.link() != null && keyByPage.containsKey(e.link().id())
                && !keyByPage.get(e.link().id()).equals(e.key()));
        Map<String, List<String>> holders = new LinkedHashMap<>();
        Rows.query(em, "SELECT key, link_id FROM entity WHERE link_kb = :kb AND link_id IN (:pages) ORDER BY key")
                .setParameter("kb", Entity.Link.WIKIPEDIA).setParameter("pages", List.copyOf(keyByPage.keySet()))
                .getResultList()
                .forEach(r -> holders.computeIfAbsent(Rows.text(r, "link_id"), p -> new ArrayList<>()).add(Rows.text(r, "key")));
        return holders;
    }

    /** The Wikipedia page a stored entity is linked to; empty when it is not stored or not linked. */
    public Optional<String> pageOf(String key) {
        return Rows.query(em, "SELECT link_id FROM entity WHERE key = :key AND link_kb = :kb")
                .setParameter("key", key).setParameter("kb", Entity.Link.WIKIPEDIA)
                .getResultList().stream().map(r -> Rows.text(r, "link_id")).findFirst();
    }

    /**
     * The one stored person other than {@code key} whose key ends in {@code -surname} ("person:vladimir-putin" for
     * "putin"); empty when there is none or there are several.
     */
    public Optional<Person> soleBearerOf(String surname, String key) {
        String ending = "-" + surname;
        articles.writeQueuedIfAnyEntity(e -> e.type() == EntityType.PERSON && e.key().endsWith(ending) && !e.key().equals(key));
        // the key read from its end: a prefix match on entity_person_key_end_idx (V13)
        List<Person> bearers = Rows.query(em, """
                        SELECT key, CASE WHEN link_kb = :kb THEN link_id END AS link_id FROM entity
                        WHERE type = 'PERSON' AND reverse(key) LIKE :reversedEnding AND key <> :key LIMIT 2""")
                .setParameter("kb", Entity.Link.WIKIPEDIA).setParameter("key", key)
                .setParameter("reversedEnding", likePrefix(new StringBuilder(ending).reverse().toString()))
                .getResultList().stream().map(r -> new Person(Rows.text(r, "key"), Rows.text(r, "link_id"))).toList();
        return bearers.size() == 1 ? Optional.of(bearers.get(0)) : Optional.empty();
    }

    /** Those of these keys that are stored people. */
    public List<Person> people(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return Rows.query(em, """
                        SELECT key, CASE WHEN link_kb = :kb THEN link_id END AS link_id FROM entity
                        WHERE key IN (:keys) AND type = 'PERSON' ORDER BY key""")
                .setParameter("kb", Entity.Link.WIKIPEDIA).setParameter("keys", keys)
                .getResultList().stream().map(r -> new Person(Rows.text(r, "key"), Rows.text(r, "link_id"))).toList();
    }

    /** Those of these keys that an analyst's split in force made (V14's curation log): no rule merges them back. */
    public Set<String> splitOff(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return Rows.query(em, """
                        SELECT new_key FROM curation WHERE operation = 'split' AND undone_by IS NULL AND new_key IN (:keys)""")
                .setParameter("keys", List.copyOf(keys)).getResultList().stream().map(r -> Rows.text(r, "new_key"))
                .collect(Collectors.toSet());
    }

    /**
     * The type an analyst's edit in force on this key gave it (the latest edit not undone, V14's curation log): every
     * article stored since has it, and it outweighs what the articles gave.
     */
    public Optional<String> editedType(String key) {
        return Rows.query(em, """
                        SELECT after ->> 'type' AS type FROM curation
                        WHERE operation = 'edit' AND undone_by IS NULL AND entity_key = :key ORDER BY id DESC LIMIT 1""")
                .setParameter("key", key).getResultList().stream().map(r -> Rows.text(r, "type")).findFirst();
    }

    /** The keys of the people these articles name. */
    public List<String> peopleIn(List<UUID> articleIds) {
        return Rows.query(em, "SELECT DISTINCT entity_key FROM article_entity WHERE article_id IN (:ids) AND type = 'PERSON'")
                .setParameter("ids", articleIds).getResultList().stream().map(r -> Rows.text(r, "entity_key")).toList();
    }

    /** The entities that one of these articles gives another type than the entity has, in key order. */
    public List<String> typeDisagreements(List<UUID> articleIds) {
        return Rows.query(em, """
                        SELECT DISTINCT ae.entity_key FROM article_entity ae JOIN entity e ON e.key = ae.entity_key
                        WHERE ae.article_id IN (:ids) AND ae.type <> e.type ORDER BY ae.entity_key""")
                .setParameter("ids", articleIds).getResultList().stream().map(r -> Rows.text(r, "entity_key")).toList();
    }

    /** The entity's type; empty when it is not stored. */
    public Optional<String> typeOf(String key) {
        return Rows.query(em, "SELECT type FROM entity WHERE key = :key").setParameter("key", key)
                .getResultList().stream().map(r -> Rows.text(r, "type")).findFirst();
    }

    /** How many of the entity's newest {@code window} articles give it each type (as their enrichment gave it). */
    public Map<String, Long> typeVotes(String key, int window) {
        Map<String, Long> votes = new LinkedHashMap<>();
        Rows.query(em, """
                        SELECT given AS type, count(*) AS articles FROM (
                            SELECT coalesce(given_type, type) AS given FROM article_entity WHERE entity_key = :key
                            ORDER BY sort_at DESC, article_id DESC LIMIT :window) newest
                        GROUP BY given ORDER BY given""")
                .setParameter("key", key).setParameter("window", window).getResultList()
                .forEach(r -> votes.put(Rows.text(r, "type"), Rows.whole(r, "articles")));
        return votes;
    }

    /**
     * Gives the entity this type, in its row and in its article rows (all of them, or those of {@code onlyIn} when not
     * null); a row keeps the type its article gave in given_type.
     */
    public void retype(String key, String type, List<UUID> onlyIn) {
        em.createNativeQuery("UPDATE entity SET type = :type WHERE key = :key AND type <> :type")
                .setParameter("type", type).setParameter("key", key).executeUpdate();
        var rows = em.createNativeQuery("""
                        UPDATE article_entity SET given_type = coalesce(given_type, type), type = :type
                        WHERE entity_key = :key AND type <> :type""" + (onlyIn == null ? "" : " AND article_id IN (:ids)"))
                .setParameter("type", type).setParameter("key", key);
        if (onlyIn != null) {
            rows.setParameter("ids", onlyIn);
        }
        rows.executeUpdate();
    }

    /** A LIKE pattern matching what starts with {@code prefix}. */
    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
