package io.newsflow.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.api.repository.CurationRepository;
import io.newsflow.api.repository.CurationRepository.CurationRow;
import io.newsflow.api.repository.CurationRepository.EntityRow;
import io.newsflow.api.repository.CurationRepository.Link;
import io.newsflow.api.repository.CurationRepository.Rule;
import io.newsflow.api.repository.EntityRepository;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Analysts' corrections of the entity index (issue 17): merge an entity into another, split an alias off into an
 * entity of its own, rename or retype (edit), reject (not an entity), and undo any of them. Each is logged with the
 * write key's label, when, and what it changed (before and after).
 *
 * <p>They last: the log is the rule book. The store path applies the corrections in force to every article stored
 * later, reprocessed ones included ({@link #splitOff} before the cross-article merges, {@link #apply} after them);
 * merges last through {@code entity_redirect}, as acronym merges do. Nothing is cached: every api instance reads
 * the same rows, and a correction and a store exclude each other (one advisory lock, exclusive for a correction).
 *
 * <p>Undo: a correction can be undone while no later correction in force touched one of its entities (they may
 * build on it: undo them first, newest first), else 409. An undo is logged too and cannot itself be undone.
 */
@ApplicationScoped
public class Curations {

    /** A correction as the log shows it. */
    public record Curation(long id, String operation, String entity, String target, String newKey, List<String> keys,
                           JsonNode before, JsonNode after, String by, Instant at, Long undoes, Long undoneBy) {
    }

    private final CurationRepository repository;
    private final EntityRepository entities;
    private final EntityMerges merges;
    private final EntityIdentities identities;
    private final Clock clock = Clock.systemUTC();

    public Curations(CurationRepository repository, EntityRepository entities, EntityMerges merges, EntityIdentities identities) {
        this.repository = repository;
        this.entities = entities;
        this.merges = merges;
        this.identities = identities;
    }

    // ---- the store path --------------------------------------------------------------------------------------

    /**
     * The article's entities with the splits in force on their own keys applied: mentions written as a split-off alias
     * belong to the entity it became. Runs first in the storing transaction; from then on no correction runs until it
     * ends.
     */
    public List<Entity> splitOff(List<Entity> articleEntities) {
        repository.lockForStore();
        return split(articleEntities, repository.rulesFor(keys(articleEntities)));
    }

    /**
     * The article's entities, after the cross-article merges, as analysts corrected them: splits in force on these
     * keys (an alias merged in from another entity), the names and types they gave, and without rejected entities,
     * whose links are kept aside for an undo.
     */
    public List<Entity> apply(UUID articleId, List<Entity> resolved) {
        List<Entity> result = resolved;
        List<Rule> rules = repository.rulesFor(keys(result));
        List<Entity> split = split(result, rules);
        if (split != result) {
            result = merges.resolve(split); // a split-off entity may have been merged on since
            rules = repository.rulesFor(keys(result));
        }
        Map<String, JsonNode> edits = new HashMap<>();
        Set<String> rejected = new HashSet<>();
        for (Rule rule : rules) {
            switch (rule.operation()) {
                case "edit" -> edits.put(rule.entityKey(), rule.after()); // oldest first: the latest wins
                case "reject" -> rejected.add(rule.entityKey());
                default -> { }
            }
        }
        List<Entity> kept = new ArrayList<>();
        List<Link> hidden = new ArrayList<>();
        int position = 0;
        for (Entity e : result) {
            position++;
            JsonNode edit = edits.get(e.key());
            Entity corrected = edit == null ? e : edited(e, edit.get("name").asText(), edit.get("type").asText());
            if (rejected.contains(e.key())) {
                hidden.add(new Link(articleId, position, corrected));
            } else {
                kept.add(corrected);
            }
        }
        repository.replaceRejectedLinks(articleId, hidden);
        return kept.size() == result.size() && edits.isEmpty() ? result : List.copyOf(kept);
    }

    private static Entity edited(Entity e, String name, String type) {
        EntityType newType = EntityType.valueOf(type);
        return new Entity(e.key(), name, newType, newType == e.type() ? e.subtype() : null, e.mentions(), e.link());
    }

    /** The entities with the split rules among {@code rules} applied; the same list when none applies. */
    private static List<Entity> split(List<Entity> list, List<Rule> rules) {
        Map<String, Map<String, String>> targets = new HashMap<>(); // entity key -> alias -> split-off key
        rules.stream().filter(r -> r.operation().equals("split"))
                .forEach(r -> targets.computeIfAbsent(r.entityKey(), k -> new HashMap<>()).put(r.target(), r.newKey()));
        if (list.stream().noneMatch(e -> targets.containsKey(e.key()))) {
            return list;
        }
        List<Entity> out = new ArrayList<>();
        for (Entity e : list) {
            Map<String, String> byAlias = targets.getOrDefault(e.key(), Map.of());
            Map<String, List<Entity.Mention>> moved = new LinkedHashMap<>();
            List<Entity.Mention> rest = new ArrayList<>();
            for (Entity.Mention m : e.mentions()) {
                String to = byAlias.get(m.text());
                if (to == null) {
                    rest.add(m);
                } else {
                    moved.computeIfAbsent(to, k -> new ArrayList<>()).add(m);
                }
            }
            if (!rest.isEmpty() || moved.isEmpty()) {
                out.add(moved.isEmpty() ? e : new Entity(e.key(), e.name(), e.type(), e.subtype(), rest, e.link()));
            }
            moved.forEach((key, mentions) -> out.add(new Entity(key, mentions.get(0).text(), e.type(), e.subtype(), mentions)));
        }
        return EntityMerges.apply(out, Map.of(), Map.of()); // entities that now share a key become one
    }

    private static Set<String> keys(List<Entity> list) {
        Set<String> keys = new LinkedHashSet<>();
        list.forEach(e -> keys.add(e.key()));
        return keys;
    }

    // ---- corrections -----------------------------------------------------------------------------------------

    /**
     * Merges entity {@code key} into {@code into}: its articles, mentions and aliases become that entity's, and it takes
     * the type its articles then give it, as after an automatic merge (an edit's type in force stays).
     */
    @Transactional
    public Curation merge(String key, String into, String actor) {
        repository.lockForCorrection();
        EntityRow from = existing(key);
        EntityRow to = existing(into);
        if (from.key().equals(to.key())) {
            throw new CurationConflictException(key.equals(into) ? "An entity cannot be merged into itself."
                    : "'" + key + "' and '" + into + "' are one entity (" + from.key() + ") already: merging would make a cycle.");
        }
        notRejected(from);
        notRejected(to);
        Map<UUID, String> givenTypes = repository.givenTypes(from.key()); // for the undo: a link moved back keeps it
        List<Map<String, Object>> links = repository.links(from.key()).stream().map(l -> Map.<String, Object>of(
                "article", l.articleId().toString(),
                "mentions", l.entity().mentions().stream().map(m -> List.of(m.start(), m.end())).toList(),
                "givenType", givenTypes.get(l.articleId()))).toList();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("key", from.key());
        before.put("name", from.name());
        before.put("type", from.type());
        before.put("aliases", aliases(from.key()));
        before.put("intoAliases", aliases(to.key()));
        before.put("mergedHere", repository.redirectsTo(from.key()));
        before.put("links", links);
        merges.merge(from.key(), to.key());
        identities.settleType(to.key());
        return log("merge", from.key(), to.key(), null, List.of(from.key(), to.key()), before,
                Map.of("key", to.key(), "name", to.name(), "type", existing(to.key()).type(), "aliases", aliases(to.key())), actor);
    }

    /** Splits the mentions written {@code alias} off entity {@code key} into an entity of their own. */
    @Transactional
    public Curation split(String key, String alias, String actor) {
        repository.lockForCorrection();
        EntityRow source = existing(key);
        notRejected(source);
        List<String> aliases = aliases(source.key());
        if (!aliases.contains(alias)) {
            throw new InvalidCurationException("alias", "is not an alias of " + source.key() + " (its aliases: " + aliases + ")");
        }
        if (alias.equals(source.name())) {
            throw new InvalidCurationException("alias", "is the name of " + source.key() + ": rename the entity first");
        }
        EntityRow created = new EntityRow(freshKey(source.type(), alias), alias, source.type());
        repository.createEntity(created.key(), created.name(), created.type());
        move(source.key(), created, (article, m) -> m.text().equals(alias));
        repository.removeAliases(source.key(), List.of(alias));
        repository.addAliases(created.key(), List.of(alias));
        return log("split", source.key(), alias, created.key(), List.of(source.key(), created.key()),
                Map.of("key", source.key(), "aliases", aliases),
                Map.of("key", created.key(), "name", created.name(), "type", created.type()), actor);
    }

    /** Gives the entity a name and / or a type (null: unchanged). */
    @Transactional
    public Curation edit(String key, String name, String type, String actor) {
        repository.lockForCorrection();
        EntityRow entity = existing(key);
        notRejected(entity);
        if (name == null && type == null) {
            throw new InvalidCurationException("name", "or type must be given");
        }
        String newName = name == null ? entity.name() : name;
        String newType = type == null ? entity.type() : type;
        boolean nameWasAlias = aliases(entity.key()).contains(newName);
        repository.setNameAndType(entity.key(), newName, newType);
        return log("edit", entity.key(), null, null, List.of(entity.key()),
                Map.of("name", entity.name(), "type", entity.type(), "nameWasAlias", nameWasAlias),
                Map.of("name", newName, "type", newType), actor);
    }

    /** Not an entity: its mentions leave lists, filters, pages, counts and the stream. */
    @Transactional
    public Curation reject(String key, String actor) {
        repository.lockForCorrection();
        EntityRow entity = existing(key);
        notRejected(entity);
        var counts = entities.find(entity.key()).orElseThrow();
        repository.hideLinks(entity.key());
        return log("reject", entity.key(), null, null, List.of(entity.key()),
                Map.of("name", entity.name(), "rejected", false, "articleCount", counts.articleCount(),
                        "mentionCount", counts.mentionCount()),
                Map.of("name", entity.name(), "rejected", true), actor);
    }

    /** Undoes correction {@code id}: the entity index as it was before it, for the articles stored since too. */
    @Transactional
    public Curation undo(long id, String actor) {
        repository.lockForCorrection();
        CurationRow c = repository.find(id).orElseThrow(() -> new NotFoundException("No curation with id " + id));
        if (c.operation().equals("undo")) {
            throw new CurationConflictException("Curation " + id + " is an undo, which cannot be undone: make the correction again.");
        }
        if (c.undoneBy() != null) {
            throw new CurationConflictException("Curation " + id + " was undone already (curation " + c.undoneBy() + ").");
        }
        repository.laterTouching(id, c.keys()).ifPresent(later -> {
            throw new CurationConflictException("Curation " + later + ", made later on the same entities, depends on curation "
                    + id + ": undo it first.");
        });
        switch (c.operation()) {
            case "merge" -> undoMerge(c);
            case "split" -> undoSplit(c);
            case "edit" -> undoEdit(c);
            case "reject" -> repository.restoreLinks(c.entityKey());
            default -> throw new IllegalStateException("Unknown curation " + c.operation());
        }
        Curation undo = log("undo", c.entityKey(), c.target(), c.newKey(), c.keys(), c.after(), c.before(), actor, id);
        repository.markUndone(id, undo.id());
        return undo;
    }

    private void undoMerge(CurationRow c) {
        JsonNode before = c.before();
        EntityRow from = new EntityRow(before.get("key").asText(), before.get("name").asText(), before.get("type").asText());
        EntityRow into = stillStored(c.target());
        repository.createEntity(from.key(), from.name(), from.type());
        repository.removeRedirect(from.key());
        repository.pointRedirects(texts(before.get("mergedHere")), from.key());
        Set<String> fromAliases = new LinkedHashSet<>(texts(before.get("aliases")));
        Set<String> onlyFrom = new LinkedHashSet<>(fromAliases);
        texts(before.get("intoAliases")).forEach(onlyFrom::remove);
        // the mentions the merge moved, and in articles stored since, those written as only the merged entity was
        Set<String> moved = new HashSet<>();
        before.get("links").forEach(l -> l.get("mentions").forEach(m ->
                moved.add(l.get("article").asText() + "/" + m.get(0).asInt() + "/" + m.get(1).asInt())));
        move(into.key(), from, (article, m) -> moved.contains(article + "/" + m.start() + "/" + m.end())
                || onlyFrom.contains(m.text()));
        // the links the merge moved get the type their article gave them again: combined with a link of the entity
        // merged into, their row held that one's (merges logged before givenType was: the moved row's, as for the
        // articles stored since, whose row under the merged key kept the type they gave)
        Map<UUID, String> givenTypes = new HashMap<>();
        before.get("links").forEach(l -> {
            if (l.hasNonNull("givenType")) {
                givenTypes.put(UUID.fromString(l.get("article").asText()), l.get("givenType").asText());
            }
        });
        repository.setGivenTypes(from.key(), givenTypes);
        repository.addAliases(from.key(), fromAliases);
        repository.removeAliases(into.key(), onlyFrom);
        identities.settleType(into.key()); // without the articles moved back, it may have its own type again
    }

    private void undoSplit(CurationRow c) {
        EntityRow source = stillStored(c.entityKey());
        EntityRow created = stillStored(c.newKey());
        merges.merge(created.key(), source.key());
        repository.removeRedirect(created.key()); // the split-off key was never the source's
    }

    private void undoEdit(CurationRow c) {
        EntityRow entity = stillStored(c.entityKey());
        String editedName = c.after().get("name").asText();
        repository.setNameAndType(entity.key(), c.before().get("name").asText(), c.before().get("type").asText());
        if (!c.before().get("nameWasAlias").asBoolean() && !editedName.equals(c.before().get("name").asText())) {
            repository.removeAliases(entity.key(), List.of(editedName));
        }
    }

    /**
     * Moves the mentions of {@code sourceKey}'s article links that {@code moves} picks to entity {@code target}: a link
     * left without mentions goes, the target gets a link in the same place where it had none, which keeps the type the
     * article gave the source link (for the type votes).
     */
    private void move(String sourceKey, EntityRow target, BiPredicate<UUID, Entity.Mention> moves) {
        EntityType type = EntityType.valueOf(target.type());
        Map<UUID, String> givenTypes = repository.givenTypes(sourceKey);
        for (Link link : repository.links(sourceKey)) {
            List<Entity.Mention> moved = new ArrayList<>();
            List<Entity.Mention> kept = new ArrayList<>();
            link.entity().mentions().forEach(m -> (moves.test(link.articleId(), m) ? moved : kept).add(m));
            if (moved.isEmpty()) {
                continue;
            }
            repository.setMentions(link.articleId(), sourceKey, kept);
            repository.addLink(link.articleId(), link.position(), new Entity(target.key(), target.name(), type,
                    type == link.entity().type() ? link.entity().subtype() : null, moved), givenTypes.get(link.articleId()));
        }
    }

    // ---- the log ---------------------------------------------------------------------------------------------

    /** Newest first; {@code entity}: only corrections touching that key (or the entity it answers as now). */
    @Transactional
    public Slice<Curation> log(String entity, int limit, Slice.Position after) {
        List<String> keys = entity == null ? null : new ArrayList<>(List.of(entity));
        if (entity != null) {
            repository.current(entity).filter(e -> !e.key().equals(entity)).ifPresent(e -> keys.add(e.key()));
        }
        List<CurationRow> rows = repository.page(keys, after == null ? null : after.sortValue(), limit + 1);
        return Slice.of(rows, limit, Curations::curation, last -> new Slice.Position(last.id(), String.valueOf(last.id())));
    }

    private Curation log(String operation, String key, String target, String newKey, List<String> keys, Object before,
                         Object after, String actor) {
        return log(operation, key, target, newKey, keys, before, after, actor, null);
    }

    private Curation log(String operation, String key, String target, String newKey, List<String> keys, Object before,
                         Object after, String actor, Long undoes) {
        long id = repository.insert(operation, key, target, newKey, keys, before, after, actor, clock.instant(), undoes);
        return curation(repository.find(id).orElseThrow());
    }

    private static Curation curation(CurationRow r) {
        return new Curation(r.id(), r.operation(), r.entityKey(), r.target(), r.newKey(), r.keys(), r.before(), r.after(),
                r.actor(), r.createdAt(), r.undoes(), r.undoneBy());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private EntityRow existing(String key) {
        return repository.current(key).orElseThrow(() -> new NotFoundException("No entity with key " + key));
    }

    /** An entity an undo needs, which a later store (an acronym merge) may have merged on since. */
    private EntityRow stillStored(String key) {
        return repository.current(key).orElseThrow(() -> new CurationConflictException(
                "Entity " + key + " is no longer stored, so this correction cannot be undone."));
    }

    private void notRejected(EntityRow entity) {
        if (repository.rejected(entity.key())) {
            throw new CurationConflictException("Entity " + entity.key() + " is rejected: undo the rejection first.");
        }
    }

    private List<String> aliases(String key) {
        return entities.aliases(List.of(key)).getOrDefault(key, List.of());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** A key for a split-off entity: its type and its name's letters and digits, numbered when taken. */
    private String freshKey(String type, String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = type.toLowerCase(Locale.ROOT) + ":" + (slug.isEmpty() ? "entity" : slug);
        String key = base;
        for (int n = 2; repository.keyTaken(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }
}
