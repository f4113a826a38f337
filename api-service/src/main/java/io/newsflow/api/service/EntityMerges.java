package io.newsflow.api.service;

import io.newsflow.api.repository.EntityMergeRepository;
import io.newsflow.api.repository.EntityMergeRepository.LinkedArticle;
import io.newsflow.events.Acronyms;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import jakarta.enterprise.context.ApplicationScoped;

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
 *       one ({@link #learn}): its article links (the stored articles' entities) and aliases move over, and the old
 *       key keeps answering through {@code entity_redirect}.</li>
 * </ul>
 * Ambiguous acronyms (two organisations with the alias "PM") and people are never merged. Runs inside the storing
 * transaction; the SQL, and the lock per key that lets api instances storing at once agree, are
 * {@link EntityMergeRepository}'s.
 */
@ApplicationScoped
public class EntityMerges {

    private final EntityMergeRepository repository;

    public EntityMerges(EntityMergeRepository repository) {
        this.repository = repository;
    }

    static String acronym(String surface) {
        return Acronyms.of(surface).orElse(null); // the pipeline's one rule, the one enrichment applies
    }

    /** The article's entities under their cross-article keys; entities that land on one key are combined. */
    public List<Entity> resolve(List<Entity> entities) {
        if (entities.isEmpty()) {
            return entities;
        }
        Map<String, String> targets = repository.redirects(entities.stream().map(Entity::key).toList());
        for (Entity e : entities) {
            if (targets.containsKey(e.key()) || !isBareAcronym(e)) {
                continue;
            }
            String acronym = acronym(e.name());
            repository.soleAliasOwner(List.of(acronym, e.name()), e.type(), e.key()).ifPresent(target -> {
                targets.put(e.key(), target);
                repository.redirect(e.key(), target);
            });
        }
        return targets.isEmpty() ? entities : apply(entities, targets, repository.names(List.copyOf(targets.values())));
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

    /**
     * Merges entities stored so far under a bare acronym into the entities of this article that define it: those named
     * by the acronym that no other entity of the type has as an alias.
     */
    public void learn(List<Entity> stored) {
        for (Entity e : stored) {
            for (String acronym : definedAcronyms(e)) {
                for (String from : repository.entitiesNamedOnlyBy(acronym, e.type(), e.key())) {
                    merge(from, e.key());
                }
            }
        }
    }

    /**
     * Moves everything stored under entity {@code from} to entity {@code to}, which it answers as from then on (also
     * analysts' merges).
     *
     * @return false when {@code from} is not stored (never was, or another instance merged it first)
     */
    public boolean merge(String from, String to) {
        if (!repository.lockForMerge(from)) {
            return false;
        }
        // an article listing both gets one entity in the place of the first; the other links only change key and name
        Map<String, String> names = repository.names(List.of(to));
        for (LinkedArticle article : repository.articlesListingBoth(from, to)) {
            Entity merged = apply(article.entities(), Map.of(from, to), names).get(0);
            repository.combineLinks(article.id(), from, merged, article.firstPosition());
        }
        repository.move(from, to);
        return true;
    }

    /** Renames redirected entities and combines those that share a key, mentions in text order. */
    static List<Entity> apply(List<Entity> entities, Map<String, String> targets, Map<String, String> names) {
        Map<String, Entity> byKey = new LinkedHashMap<>();
        for (Entity e : entities) {
            String key = targets.getOrDefault(e.key(), e.key());
            String name = key.equals(e.key()) ? e.name() : names.getOrDefault(key, e.name());
            Entity previous = byKey.get(key);
            if (previous == null) {
                byKey.put(key, new Entity(key, name, e.type(), e.subtype(), e.mentions(), e.link()));
            } else {
                List<Entity.Mention> mentions = new ArrayList<>(previous.mentions());
                mentions.addAll(e.mentions());
                mentions.sort(Comparator.comparingInt(Entity.Mention::start));
                // the defined name wins over the bare acronym
                String kept = acronym(previous.name()) != null ? name : previous.name();
                byKey.put(key, new Entity(key, kept, previous.type(), previous.subtype(), mentions,
                        previous.link() != null ? previous.link() : e.link()));
            }
        }
        return List.copyOf(byKey.values());
    }
}
