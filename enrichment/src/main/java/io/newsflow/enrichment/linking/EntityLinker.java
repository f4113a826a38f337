package io.newsflow.enrichment.linking;

import io.newsflow.enrichment.ner.EntityKeys;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Links the canonical entities of one English article to Wikipedia pages, and gives every entity linked to one page
 * the one key of that page ({@code location:united-states} for "U.S.", "US", "United States" in any article).
 *
 * <p>For each entity, its most specific form the dictionary knows (most words; "Vladimir Putin" before "Putin")
 * gives the candidate page and its prior (the share of that text's anchors pointing to the page). The page must
 * fit the entity's type as far as its title tells (a PERSON is not "Georgia (U.S. state)"; an unqualified title of
 * a person is a name of two or more words ending in the entity's surname). The article's context can support a
 * page: another entity of the article linked to it, the place a qualified title names being mentioned
 * ("Springfield, Illinois" where Illinois is), or, for a place, another place of the article written as "Seattle, Washington" in the
 * dictionary. The entity is linked when the prior is high ({@value #PRIOR_ALONE} or more), or fair
 * ({@value #PRIOR_SUPPORTED}) and supported; a qualified page of the same name that the context supports wins over
 * an unsupported prior, unless that prior is Wikipedia's primary topic of the name (an unqualified title). The
 * entity's own name (its most complete form) must be known: a short form alone ("GNA", "Lavrov") may be another entity's. Otherwise it stays unlinked: a wrong link is worse than none, and a name the 2012 dictionary
 * does not know ("Haftar") is never forced onto a page.
 *
 * <p>Entities of the article linked to one page become one entity (mentions joined). Thread-safe.
 */
public final class EntityLinker {

    /** A prior this high links without context: nine in ten anchors of the text mean the page (a wrong link is worse than none). */
    static final double PRIOR_ALONE = 0.9;
    /** A prior this high links when the article's context supports the page. */
    static final double PRIOR_SUPPORTED = 0.3;
    /**
     * Other entities of the article whose pages carry a qualifier before it is the article's setting: more than one
     * witness, so that one place's page ("Buffalo,_New_York") does not move every other name there.
     */
    static final int SETTING_WITNESSES = 2;

    private static final Pattern LEADING_THE = Pattern.compile("^(?:the|The|THE)\\s+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s?$");
    private static final Pattern HAS_LETTER = Pattern.compile(".*\\p{L}.*");

    private final WikipediaIndex index;

    public EntityLinker(WikipediaIndex index) {
        this.index = index;
    }

    /** A form of an entity the dictionary knows, with the text it was found under. */
    private record Known(String form, String looked, WikipediaIndex.Candidate candidate, int words) {
    }

    /** What the article offers as context: pages other entities are sure of, all names said, the entities, the text. */
    private record Context(Map<String, Set<Entity>> confident, Set<String> names, List<Entity> entities, String text) {
    }

    /** What the first pass found for one entity. */
    private record Candidates(Entity entity, Known head, List<Known> known) {
    }

    /**
     * @param entities the article's canonical entities (as {@code EntityCanonicalizer} gives them)
     * @param text     the article's text the mentions' offsets index: a page's qualifier written there supports the page
     * @return the same entities, those the linker is sure of with their link and the page's key, one entity per page
     */
    public List<Entity> link(List<Entity> entities, String text) {
        List<Candidates> all = entities.stream().map(this::candidates).toList();
        // pass 1: pages the prior alone decides; they are the context of pass 2
        Map<String, Set<Entity>> confident = new HashMap<>();
        for (Candidates c : all) {
            if (c.head() != null && c.head().candidate().prior() >= PRIOR_ALONE && acceptable(c, c.head().candidate().title())) {
                confident.computeIfAbsent(c.head().candidate().title(), t -> new HashSet<>()).add(c.entity());
            }
        }
        Set<String> contextNames = new HashSet<>();
        for (Entity e : entities) {
            contextNames.add(e.name());
            e.mentions().forEach(m -> contextNames.add(m.text()));
        }
        Context context = new Context(confident, contextNames, entities, text);
        Map<Candidates, String> chosen = new LinkedHashMap<>();
        for (Candidates c : all) {
            choose(c, context).ifPresent(title -> chosen.put(c, title));
        }
        // pass 3: the article's setting ("Scottsdale" in an article whose other places are "..., Tasmania" pages)
        Map<String, Set<Entity>> setting = setting(chosen);
        for (Candidates c : all) {
            if (!chosen.containsKey(c)) {
                inSetting(c, setting).ifPresent(title -> chosen.put(c, title));
            }
        }
        Map<String, List<Entity>> byTitle = new LinkedHashMap<>();
        List<Entity> result = new ArrayList<>();
        for (Candidates c : all) {
            String title = chosen.get(c);
            if (title != null) {
                byTitle.computeIfAbsent(title, t -> new ArrayList<>()).add(c.entity());
            } else {
                result.add(c.entity());
            }
        }
        byTitle.forEach((title, linked) -> {
            // one entity per page and type: a mention the tagger read as another type here ("U.S." officials beside
            // the United States) keeps its type, under the page's key and link (api-service stores one entity per key)
            Map<EntityType, List<Entity>> byType = new LinkedHashMap<>();
            linked.forEach(e -> byType.computeIfAbsent(e.type(), t -> new ArrayList<>()).add(e));
            byType.values().forEach(sameType -> result.add(merged(title, sameType)));
        });
        result.sort(Comparator.comparingInt(EntityLinker::firstMention));
        return result;
    }

    private Candidates candidates(Entity e) {
        Map<String, Integer> forms = new LinkedHashMap<>();
        forms.put(e.name(), 0);
        e.mentions().forEach(m -> forms.merge(m.text(), 1, Integer::sum));
        List<Known> known = new ArrayList<>();
        for (String form : forms.keySet()) {
            if (!HAS_LETTER.matcher(form).matches()) {
                continue;
            }
            for (String variant : variants(form)) {
                Optional<WikipediaIndex.Candidate> found = index.lookup(variant);
                if (found.isPresent()) {
                    known.add(new Known(form, variant, found.get(), variant.split("\\s+").length));
                    break;
                }
            }
        }
        Known head = known.stream()
                .max(Comparator.comparingInt(Known::words).thenComparingDouble(k -> k.candidate().prior()))
                .orElse(null);
        return new Candidates(e, head, known);
    }

    /** The form itself, then without a leading "the" or a possessive, then (all capitals) in title case. */
    static List<String> variants(String form) {
        List<String> variants = new ArrayList<>();
        String f = form.strip().replaceAll("\\s+", " ");
        variants.add(f);
        String bare = POSSESSIVE.matcher(LEADING_THE.matcher(f).replaceFirst("")).replaceFirst("");
        if (!bare.equals(f) && !bare.isEmpty()) {
            variants.add(bare);
        }
        if (bare.length() > 4 && bare.equals(bare.toUpperCase(Locale.ROOT)) && !bare.equals(bare.toLowerCase(Locale.ROOT))) {
            StringBuilder titleCase = new StringBuilder();
            for (String w : bare.toLowerCase(Locale.ROOT).split(" ")) {
                titleCase.append(titleCase.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
            variants.add(titleCase.toString());
        }
        return variants;
    }

    /** The page, or empty when unsure. */
    private Optional<String> choose(Candidates c, Context context) {
        if (c.head() == null || c.known().stream().noneMatch(k -> k.form().equals(c.entity().name()))) {
            // the entity's most complete name is unknown: a shorter form the dictionary knows is likely another
            // entity's ("GNA" of a 2015 "Government of National Accord" is not 2012's glycol nucleic acid)
            return Optional.empty();
        }
        // forms as specific as the head that point elsewhere: the dictionary itself is split
        String title = c.head().candidate().title();
        boolean split = c.known().stream().anyMatch(k -> k.words() == c.head().words() && !k.candidate().title().equals(title)
                && k.candidate().prior() >= PRIOR_SUPPORTED);
        if (split) {
            return Optional.empty();
        }
        boolean priorFits = acceptable(c, title);
        double prior = c.head().candidate().prior();
        boolean primaryTopic = TitleName.of(title).qualifier() == null;
        // the context is looked at only where it can change the choice
        // (a primary topic below PRIOR_SUPPORTED cannot be linked, supported or not: its context is not read)
        boolean priorSupported = priorFits && (prior < PRIOR_ALONE || !primaryTopic)
                && (prior >= PRIOR_SUPPORTED || !primaryTopic) && supported(c, title, context);
        // Wikipedia gives the bare name to the page most readers mean (its primary topic): then no other page of the
        // name is chosen ("Austria" stays Austria beside Germany, though "Austria, Germany" exists)
        if (!priorSupported && !primaryTopic) {
            // no primary topic: a page of the same name with a qualifier the article supports ("Springfield, Illinois"
            // beside Illinois)
            for (String alternative : index.qualifiedTitles(c.head().looked())) {
                if (!alternative.equals(title) && acceptable(c, alternative)
                        && supported(c, alternative, context)) {
                    return Optional.of(alternative);
                }
            }
        }
        if (priorFits && (prior >= PRIOR_ALONE || priorSupported && prior >= PRIOR_SUPPORTED)) {
            return Optional.of(title);
        }
        return Optional.empty();
    }

    /** Whether the page may be this entity: its type, and for a person that the title is a name of theirs. */
    private static boolean acceptable(Candidates c, String title) {
        return acceptable(c.entity(), c.head().looked(), title);
    }

    /** Whether the page may be this entity, known under {@code looked}. */
    private static boolean acceptable(Entity entity, String looked, String title) {
        EntityType pageType = TitleTypes.of(title);
        EntityType type = entity.type();
        if (!TitleTypes.fits(pageType, type)) {
            return false;
        }
        TitleName page = TitleName.of(title);
        if (type == EntityType.PERSON) {
            if (pageType == null && !personNameForm(page.name(), looked)) {
                return false;
            }
        } else if (type == EntityType.MISC && !WikipediaIndexBuilder.shareWord(looked, page.name())) {
            // "American" -> United States: a nationality is not its country's page
            return false;
        }
        return true;
    }

    /** "Vladimir Putin" for "Putin" or "Vladimir Putin": two or more capitalised words, the last word of the form among them. */
    static boolean personNameForm(String pageName, String form) {
        String[] words = pageName.split(" ");
        if (words.length < 2) {
            return false;
        }
        int capitalised = 0;
        for (String w : words) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                capitalised++;
            }
        }
        String[] formWords = form.split(" ");
        String surname = formWords[formWords.length - 1];
        return capitalised >= 2 && List.of(words).contains(surname);
    }

    /** Whether the article supports the page: another entity sure of it, its qualifier's place, or a place inside it. */
    private boolean supported(Candidates c, String title, Context context) {
        Set<Entity> sure = context.confident().getOrDefault(title, Set.of());
        if (sure.size() > (sure.contains(c.entity()) ? 1 : 0)) {
            return true; // another entity is this page ("America" where "United States" was said)
        }
        TitleName page = TitleName.of(title);
        if (page.qualifier() != null && qualifierNamed(page.qualifier(), context, c.entity())) {
            return true;
        }
        if (page.qualifier() == null && (c.entity().type() == EntityType.LOCATION || c.entity().type() == EntityType.ORGANIZATION)) {
            // "Seattle, Washington" is a name of Seattle: the article's Seattle is inside this Washington
            for (Entity other : context.entities()) {
                if (other != c.entity() && other.type() == EntityType.LOCATION) {
                    Optional<WikipediaIndex.Candidate> inside = index.lookup(other.name() + ", " + c.head().looked());
                    if (inside.isPresent() && inside.get().prior() >= PRIOR_ALONE) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The qualifier's capitalised words ("Texas", "U.S." of "U.S. state") are the name of another entity of the article,
     * or are written in its text outside the entity's own mentions, alone or as the start of a word of its people
     * ("Tasmanian" names Tasmania).
     */
    private static boolean qualifierNamed(String qualifier, Context context, Entity self) {
        List<String> names = new ArrayList<>();
        for (String w : qualifier.split("[\\s,]+")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                names.add(w);
            }
        }
        if (names.isEmpty()) {
            return false;
        }
        String joined = String.join(" ", names);
        Set<String> own = new HashSet<>();
        own.add(self.name());
        self.mentions().forEach(m -> own.add(m.text()));
        if (context.names().stream().anyMatch(n -> !own.contains(n) && (n.equals(joined) || n.equals(qualifier)))) {
            return true;
        }
        return writtenOutside(context.text(), joined, self);
    }

    /** The endings a name's word may take in the text: "Tasmania", "Tasmanian", "Tasmanians" (longest first). */
    private static final String[] PEOPLE_ENDINGS = {"ian", "an", "n", ""};

    /**
     * The name as words of the text ("Tasmania", "Tasmanian", "Tasmanians"), somewhere none of the entity's mentions
     * covers. A plain scan, no regular expression: this runs for every qualified page the context is asked about.
     */
    static boolean writtenOutside(String text, String name, Entity self) {
        if (text.isEmpty() || name.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            if (at > 0 && isWordCharacter(text.codePointBefore(at))) {
                continue;
            }
            if (wordEndsAfter(text, at + name.length()) && outsideMentions(self, at)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text at {@code from} continues with a people's ending and an optional plural, then the word ends. */
    private static boolean wordEndsAfter(String text, int from) {
        for (String ending : PEOPLE_ENDINGS) {
            if (!text.startsWith(ending, from)) {
                continue;
            }
            int end = from + ending.length();
            if (end < text.length() && text.charAt(end) == 's') {
                if (end + 1 >= text.length() || !isWordCharacter(text.codePointAt(end + 1))) {
                    return true;
                }
            }
            if (end >= text.length() || !isWordCharacter(text.codePointAt(end))) {
                return true;
            }
        }
        return false;
    }

    /** A letter or a number (what the pattern classes \p{L} and \p{N} hold). */
    private static boolean isWordCharacter(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean outsideMentions(Entity self, int at) {
        for (Entity.Mention mention : self.mentions()) {
            if (mention.start() <= at && at < mention.end()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The article's setting: per qualifier, the entities whose chosen page carries it ("Tasmania" of "Bicheno,_Tasmania"
     * and "Evandale,_Tasmania").
     */
    private static Map<String, Set<Entity>> setting(Map<Candidates, String> chosen) {
        Map<String, Set<Entity>> byQualifier = new HashMap<>();
        chosen.forEach((c, title) -> {
            String qualifier = TitleName.of(title).qualifier();
            if (qualifier != null) {
                byQualifier.computeIfAbsent(qualifier, q -> new HashSet<>()).add(c.entity());
            }
        });
        return byQualifier;
    }

    /**
     * For an entity left unlinked (its name unknown, or its prior unsure): the one page of its name whose qualifier at
     * least {@value #SETTING_WITNESSES} other entities' pages of the article carry ("Swansea" among "Bicheno,_Tasmania"
     * and "Evandale,_Tasmania" is "Swansea,_Tasmania"). Two pages of the setting: unsure, no link.
     */
    private Optional<String> inSetting(Candidates c, Map<String, Set<Entity>> setting) {
        if (setting.isEmpty() || !HAS_LETTER.matcher(c.entity().name()).matches()) {
            return Optional.empty();
        }
        Set<String> fitting = new HashSet<>();
        for (String variant : variants(c.entity().name())) {
            for (String title : index.qualifiedTitles(variant)) {
                Set<Entity> witnesses = setting.getOrDefault(TitleName.of(title).qualifier(), Set.of());
                int others = witnesses.size() - (witnesses.contains(c.entity()) ? 1 : 0);
                if (others >= SETTING_WITNESSES && acceptable(c.entity(), variant, title)) {
                    fitting.add(title);
                }
            }
        }
        return fitting.size() == 1 ? Optional.of(fitting.iterator().next()) : Optional.empty();
    }

    /** One entity for the page: all mentions, the most complete name (the longest; then the most mentioned), the page's key. */
    private static Entity merged(String title, List<Entity> linked) {
        Entity main = main(linked);
        List<Entity.Mention> mentions = linked.stream().flatMap(e -> e.mentions().stream())
                .sorted(Comparator.comparingInt(Entity.Mention::start)).toList();
        // the key's type is the page's when its title tells it, so that every article gets the one key; the entity
        // keeps the tagger's type, as it read this article ("U.S." officials: an organization keyed location:united-states)
        EntityType pageType = TitleTypes.of(title);
        String subtype = linked.stream().map(Entity::subtype).filter(s -> s != null).findFirst().orElse(null);
        return new Entity(keyOf(title, pageType != null ? pageType : main.type()), main.name(), main.type(), subtype, mentions,
                Entity.Link.wikipedia(title));
    }

    /** The most complete name: the longest, then the most mentioned. */
    private static Entity main(List<Entity> linked) {
        return linked.stream().max(Comparator.comparingInt((Entity e) -> e.name().length())
                .thenComparingInt(e -> e.mentions().size())).orElseThrow();
    }

    /** The key every entity linked to the page gets: its type and the title ("location:united-states"). */
    static String keyOf(String title, EntityType type) {
        return EntityKeys.key(type, title.replace('_', ' '), "en");
    }

    private static int firstMention(Entity e) {
        return e.mentions().isEmpty() ? Integer.MAX_VALUE : e.mentions().get(0).start();
    }
}
