package io.newsflow.api.service;

import io.newsflow.api.repository.EntityIdentityRepository;
import io.newsflow.api.repository.EntityIdentityRepository.Person;
import io.newsflow.api.repository.EntityMergeRepository;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Cross-article identity beyond acronyms ({@link EntityMerges}), in either arrival order:
 * <ul>
 *   <li><b>one key per linked page</b>: an arriving entity linked to a Wikipedia page that a stored entity with another
 *       key holds is stored under that key, and its own key is merged into it (everything stored under it moves) or,
 *       when nothing is stored under it, redirected to it. A page stored under two keys at once (two api instances)
 *       is brought back to one, the first key in key order, by the next article linked to it. A key that holds another
 *       page is never merged into a page's holder;</li>
 *   <li><b>a surname alone</b> ({@code person:putin}: a person's key of one word) joins the one stored person whose key
 *       ends in that word ({@code person:vladimir-putin}), whether it arrives before or after that person; never
 *       while two stored people end in it, and never against a link (both linked, to two pages). A merge is of the key:
 *       once "Putin" joined Vladimir Putin, a later "Putin" follows it even if a second Putin is stored by then (merges
 *       made stay; no new ones are made for that surname), nor a surname an analyst split off ({@link Curations});</li>
 *   <li><b>one type per entity</b>: when an article gives an entity another type than it has (MISC in one article,
 *       PERSON in others, both linked to one page), the entity takes the type most of its newest
 *       {@value #TYPE_EVIDENCE_WINDOW} articles give it (a tie keeps the type it has), in its row and every article's
 *       row; what each article gave is kept as the evidence of later counts. An entity an analyst edited keeps the
 *       type of the edit in force ({@link Curations}), also when another key's articles are merged into it (they take
 *       that type). An analyst's merge settles the type by the same rule ({@link #settleType(String)}). No rule here
 *       renames an entity: rows merged in take the name the entity has.</li>
 * </ul>
 * Runs inside the storing transaction: {@link #resolve} on each article before its rows are queued, {@link #settle} on
 * the batch once its rows are written. Merges take {@link EntityMergeRepository}'s lock per key, so api instances
 * storing at once never merge one key twice; as with acronyms, a surname and its person stored by two instances at the
 * same moment stay apart until another article of either arrives.
 */
@ApplicationScoped
public class EntityIdentities {

    /** The type of an entity is counted over at most this many of its newest articles. */
    static final int TYPE_EVIDENCE_WINDOW = 1_000;

    private final EntityIdentityRepository identities;
    private final EntityMergeRepository mergeRepository;
    private final EntityMerges merges;

    public EntityIdentities(EntityIdentityRepository identities, EntityMergeRepository mergeRepository, EntityMerges merges) {
        this.identities = identities;
        this.mergeRepository = mergeRepository;
        this.merges = merges;
    }

    /** The article's entities (already under their acronym merges' keys) under their cross-article keys. */
    public List<Entity> resolve(List<Entity> entities) {
        Map<String, String> targets = new LinkedHashMap<>();
        joinLinkedPages(entities, targets);
        joinSurnames(entities, targets);
        if (targets.isEmpty()) {
            return entities;
        }
        return EntityMerges.apply(entities, targets, mergeRepository.names(List.copyOf(new LinkedHashSet<>(targets.values()))));
    }

    private void joinLinkedPages(List<Entity> entities, Map<String, String> targets) {
        Map<String, String> keyByPage = new LinkedHashMap<>(); // within the article, the first entity linked to a page
        entities.stream().filter(e -> e.link() != null).forEach(e -> keyByPage.putIfAbsent(e.link().id(), e.key()));
        if (keyByPage.isEmpty()) {
            return;
        }
        Map<String, List<String>> holders = identities.pageHolders(keyByPage);
        for (Entity e : entities) {
            if (e.link() == null) {
                continue;
            }
            String page = e.link().id();
            List<String> held = holders.getOrDefault(page, List.of());
            if (held.isEmpty()) {
                String first = keyByPage.get(page);
                if (!first.equals(e.key())) {
                    targets.put(e.key(), first); // two entities of one article on one page are one entity
                }
                continue;
            }
            String holder = held.get(0);
            for (String other : held.subList(1, held.size())) {
                join(other, holder);
            }
            holders.put(page, List.of(holder));
            if (holder.equals(e.key()) || identities.pageOf(e.key()).filter(p -> !p.equals(page)).isPresent()) {
                continue; // the entity holds the page already, or holds another one
            }
            join(e.key(), holder);
            targets.put(e.key(), holder);
        }
    }

    private void joinSurnames(List<Entity> entities, Map<String, String> targets) {
        List<String> surnames = entities.stream().filter(e -> surnameAlone(e.type(), e.key()) != null).map(Entity::key).toList();
        Set<String> splitOff = identities.splitOff(surnames);
        for (Entity e : entities) {
            String surname = surnameAlone(e.type(), e.key());
            if (surname == null || targets.containsKey(e.key()) || splitOff.contains(e.key())) {
                continue;
            }
            String page = e.link() == null ? null : e.link().id();
            identities.soleBearerOf(surname, e.key()).filter(bearer -> pagesAgree(page, bearer.page())).ifPresent(bearer -> {
                join(e.key(), bearer.key());
                targets.put(e.key(), bearer.key());
            });
        }
    }

    /**
     * What the batch's stored rows settle: a surname stored alone before its one person arrived joins that person, and
     * entities these articles give another type than they have get the type most of their articles give them.
     */
    public void settle(List<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return;
        }
        Set<String> surnameKeys = new LinkedHashSet<>();
        for (String person : identities.peopleIn(articleIds)) {
            String key = surnameKeyOf(person);
            if (key != null) {
                surnameKeys.add(key);
            }
        }
        surnameKeys.removeAll(identities.splitOff(surnameKeys)); // an analyst split it off: it stays apart
        for (Person alone : identities.people(List.copyOf(surnameKeys))) {
            identities.soleBearerOf(surnameAlone(EntityType.PERSON, alone.key()), alone.key())
                    .filter(bearer -> pagesAgree(alone.page(), bearer.page()))
                    .ifPresent(bearer -> join(alone.key(), bearer.key()));
        }
        for (String key : identities.typeDisagreements(articleIds)) {
            settleType(key, articleIds);
        }
    }

    /** {@code from} answers as {@code to} from now on, with whatever was stored under it. */
    private void join(String from, String to) {
        if (merges.merge(from, to)) {
            settleType(to);
        } else {
            mergeRepository.redirect(from, to);
        }
    }

    /**
     * The type rule over all of the entity's articles, after article rows moved into or out of it (a merge, also an
     * analyst's, and its undo): the rows that moved may give it another type.
     */
    public void settleType(String key) {
        settleType(key, null);
    }

    /**
     * Gives the entity the type most of its articles give it, or the type an analyst's edit in force gave it, in its
     * article rows (those of {@code onlyIn}, or all).
     */
    private void settleType(String key, List<UUID> onlyIn) {
        String current = identities.typeOf(key).orElse(null);
        if (current == null) {
            return;
        }
        // the analyst's word outweighs the votes, also of rows merged in with another key's type
        String type = identities.editedType(key)
                .orElseGet(() -> mostGiven(identities.typeVotes(key, TYPE_EVIDENCE_WINDOW), current));
        // a new type is every row's; the same type only needs the rows that disagreed
        identities.retype(key, type, type.equals(current) ? onlyIn : null);
    }

    /** The type most articles give; in a tie the current one, else the first in alphabetical order. */
    static String mostGiven(Map<String, Long> votes, String current) {
        return votes.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(v -> v.getKey().equals(current))
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(current);
    }

    /** The word of a person's key of one word ({@code person:putin} -> "putin"); null for anything else. */
    static String surnameAlone(EntityType type, String key) {
        int colon = key.indexOf(':');
        String word = key.substring(colon + 1);
        return type == EntityType.PERSON && colon > 0 && !word.isEmpty() && word.indexOf('-') < 0 ? word : null;
    }

    /** The key of the surname alone of a person's key of several words ({@code person:vladimir-putin} -> {@code person:putin}). */
    static String surnameKeyOf(String personKey) {
        int colon = personKey.indexOf(':');
        int lastDash = personKey.lastIndexOf('-');
        return colon > 0 && lastDash > colon + 1 && lastDash < personKey.length() - 1
                ? personKey.substring(0, colon + 1) + personKey.substring(lastDash + 1) : null;
    }

    /** Two entities may be one unless both are linked, to two pages. */
    private static boolean pagesAgree(String page, String otherPage) {
        return page == null || otherPage == null || Objects.equals(page, otherPage);
    }
}
