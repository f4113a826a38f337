package io.newsflow.enrichment.ner;

import io.newsflow.events.Acronyms;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Groups the mentions of one article into canonical entities.
 *
 * <p>Spans are first corrected by {@link MentionRules}. Forms (distinct spellings) are taken longest first; a form joins the first (longest) group of its type it
 * matches, else founds one:
 * <ul>
 *   <li>same tokens: "MOSCOW" and "Moscow", "Sergei Shoigu" and "Sergei Shoygu" (see {@link EntityKeys});</li>
 *   <li>persons: the form's tokens appear in order in the group's name and end with its surname
 *       ("Haftar" -> "Khalifa Haftar"; "Recep Erdogan" -> "Recep Tayyip Erdogan"); a sentence-initial function
 *       word the tagger took for a first name is ignored for this ("Will Haftar's efforts");</li>
 *   <li>acronyms: an all-capitals form equal to the initials of a group's name ("GNA" -> "Government of National
 *       Accord", "HoR" -> "House of Representatives"), in its own type first, else an organization or location.</li>
 * </ul>
 * Then type confusions of the tagger are merged: groups of different types with the same name go to the more
 * mentioned one, and a one-word non-person group that is the surname of a full person name mentioned more often
 * joins that person ("Haftar" tagged LOCATION once, next to "Khalifa Haftar" tagged PERSON).
 *
 * <p>The entity's name is its most complete form, its key {@link EntityKeys#key} of that name; entities are
 * sorted by first mention.
 */
public final class EntityCanonicalizer {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** "UN-brokered", "Tripoli-based": a modifier before a name, not part of it. */
    private static final Pattern HYPHEN_MODIFIER = Pattern.compile("\\p{L}+[-‐‑]\\p{Ll}+");
    /** Words that acronyms usually skip. */
    private static final Set<String> MINOR_WORDS = Set.of("of", "the", "and", "for", "de", "du", "des", "la", "le", "del", "&", "on", "in");
    /** Sentence-initial words the tagger may glue to a name ("Will Haftar's efforts..."). */
    private static final Set<String> FUNCTION_WORDS = Set.of("will", "may", "can", "could", "should", "would", "shall",
            "must", "did", "does", "do", "has", "have", "had", "is", "was", "are", "were", "as", "but", "and", "or", "when",
            "while", "if", "after", "before", "then", "so", "though", "although", "because", "since", "yet", "meanwhile",
            "however", "also", "here", "there", "today", "yesterday", "according", "unlike", "like", "with", "without");

    private EntityCanonicalizer() {
    }

    private static Entity.Mention withoutFirstWord(RawMention m) {
        int space = m.text().indexOf(' ');
        if (space < 0) {
            return new Entity.Mention(m.text(), m.start(), m.end());
        }
        int skip = space;
        while (skip < m.text().length() && m.text().charAt(skip) == ' ') {
            skip++;
        }
        return new Entity.Mention(m.text().substring(skip), m.start() + skip, m.end());
    }

    /** A distinct spelling (after title stripping) with its mentions. */
    private static final class Form {
        final EntityType type;
        final String name;
        final List<String> tokens; // comparable tokens of the whole name
        final List<String> core;   // the tokens used for matching: without a leading function word
        final List<RawMention> mentions = new ArrayList<>();

        Form(EntityType type, String name) {
            this.type = type;
            this.name = name;
            this.tokens = tokens(type, name);
            this.core = type == EntityType.PERSON && tokens.size() >= 2 && FUNCTION_WORDS.contains(tokens.get(0))
                    ? tokens.subList(1, tokens.size()) : tokens;
        }

        int firstStart() {
            return mentions.get(0).start();
        }

        boolean hasFunctionPrefix() {
            return core.size() < tokens.size();
        }
    }

    private static final class Group {
        EntityType type;
        final Form head;
        final List<Form> forms = new ArrayList<>();

        Group(Form head) {
            this.type = head.type;
            this.head = head;
            forms.add(head);
        }

        int mentionCount() {
            return forms.stream().mapToInt(f -> f.mentions.size()).sum();
        }

        int firstStart() {
            return forms.stream().mapToInt(Form::firstStart).min().orElse(0);
        }
    }

    public static List<Entity> canonicalize(List<RawMention> mentions) {
        return canonicalize(mentions, null);
    }

    /**
     * @param language the text's language (ISO 639-1, null when unknown): which Latin-script country names are
     *                 read as such ("Columbia" is Colombia in Romanian text only), see {@link PlaceNames}
     */
    public static List<Entity> canonicalize(List<RawMention> mentions, String language) {
        Map<String, Form> forms = new LinkedHashMap<>();
        for (RawMention m : MentionRules.apply(mentions)) {
            String name = canonicalName(m);
            if (name == null) {
                continue;
            }
            // exact spelling: "MOSCOW" and "Moscow" are two forms of one group, the display name picks between them
            forms.computeIfAbsent(m.type() + "\u0000" + name, k -> new Form(m.type(), name)).mentions.add(m);
        }
        List<Form> ordered = new ArrayList<>(forms.values());
        ordered.sort(Comparator.comparingInt((Form f) -> -f.core.size())
                .thenComparing(Form::hasFunctionPrefix)
                .thenComparingInt(f -> -f.mentions.size())
                .thenComparingInt(Form::firstStart));

        List<Group> groups = new ArrayList<>();
        for (Form form : ordered) {
            Group target = findGroup(form, groups);
            if (target == null) {
                groups.add(new Group(form));
            } else {
                target.forms.add(form);
            }
        }
        mergeTypeConfusions(groups);

        Map<String, Entity> entities = new LinkedHashMap<>();
        groups.sort(Comparator.comparingInt(Group::firstStart));
        for (Group g : groups) {
            String name = displayName(g);
            String key = EntityKeys.key(g.type, name, language);
            List<Entity.Mention> ms = new ArrayList<>();
            for (Form f : g.forms) {
                // "Will Haftar" that joined Haftar's group: the modal is not part of the name, nor of the mention
                boolean trim = f.hasFunctionPrefix() && f != g.head;
                f.mentions.forEach(m -> ms.add(trim ? withoutFirstWord(m) : new Entity.Mention(m.text(), m.start(), m.end())));
            }
            Entity previous = entities.get(key);
            if (previous != null) {
                ms.addAll(previous.mentions()); // defensive: two groups with one key are one entity
            }
            ms.sort(Comparator.comparingInt(Entity.Mention::start));
            entities.put(key, new Entity(key, previous != null ? previous.name() : name, g.type, null, ms));
        }
        return new ArrayList<>(entities.values());
    }

    /** The bare name a mention stands for, or null when nothing name-like is left. */
    static String canonicalName(RawMention m) {
        String name;
        if (m.type() == EntityType.PERSON) {
            name = PersonNames.stripTitles(m.text());
        } else {
            name = PersonNames.tidy(m.text());
            String[] words = WHITESPACE.split(name);
            int first = 0;
            while (first < words.length - 1 && HYPHEN_MODIFIER.matcher(words[first]).matches()) {
                first++;
            }
            name = String.join(" ", Arrays.asList(words).subList(first, words.length));
        }
        int letters = (int) name.codePoints().filter(Character::isLetter).count();
        return letters < 2 ? null : name;
    }

    /** The comparable tokens of a name, read as keys read it ({@link EntityKeys#keyName}: no leading "the"). */
    private static List<String> tokens(EntityType type, String name) {
        String keyName = EntityKeys.keyName(name);
        if (type == EntityType.PERSON) {
            return EntityKeys.personTokens(keyName);
        }
        List<String> tokens = new ArrayList<>();
        for (String w : WHITESPACE.split(keyName)) {
            String s = EntityKeys.slug(w);
            if (!s.isEmpty()) {
                tokens.add(s);
            }
        }
        return tokens;
    }

    private static Group findGroup(Form form, List<Group> groups) {
        for (Group g : groups) {
            if (g.type == form.type && matches(form, g.head)) {
                return g;
            }
        }
        if (isAcronym(form.name)) {
            for (Group g : groups) {
                if ((g.type == EntityType.ORGANIZATION || g.type == EntityType.LOCATION) && isAcronymOf(form.name, g.head)) {
                    return g;
                }
            }
        }
        return null;
    }

    private static boolean matches(Form form, Form head) {
        if (form.core.equals(head.core)) {
            return true;
        }
        if (form.type == EntityType.PERSON && form.core.size() < head.core.size()) {
            return isSurnameSubsequence(form.core, head.core);
        }
        return isAcronym(form.name) && isAcronymOf(form.name, head);
    }

    /** Same-name groups of different types, and surnames tagged as places or organizations (see class comment). */
    private static void mergeTypeConfusions(List<Group> groups) {
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (Group a : groups) {
                for (Group b : groups) {
                    if (a == b || a.type == b.type) {
                        continue;
                    }
                    boolean sameName = a.head.core.equals(b.head.core);
                    boolean surname = a.type != EntityType.PERSON && b.type == EntityType.PERSON
                            && a.head.core.size() == 1 && b.head.core.size() >= 2
                            && a.head.core.get(0).equals(b.head.core.get(b.head.core.size() - 1));
                    if ((sameName || surname) && b.mentionCount() > a.mentionCount()
                            || sameName && b.mentionCount() == a.mentionCount() && b.firstStart() < a.firstStart()) {
                        b.forms.addAll(a.forms);
                        groups.remove(a);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
    }

    /** "haftar" in "khalifa haftar"; "recep erdogan" in "recep tayyip erdogan": in order, same last token. */
    private static boolean isSurnameSubsequence(List<String> shorter, List<String> longer) {
        if (shorter.isEmpty() || !shorter.get(shorter.size() - 1).equals(longer.get(longer.size() - 1))) {
            return false;
        }
        int j = 0;
        for (String t : longer) {
            if (j < shorter.size() && shorter.get(j).equals(t)) {
                j++;
            }
        }
        return j == shorter.size();
    }

    /** "GNA", "HoR", "U.N.": the pipeline's one acronym rule ({@link Acronyms}). */
    static boolean isAcronym(String name) {
        return Acronyms.isAcronym(name);
    }

    /** Initials of the head's words, with or without its minor words ("HoR" = House of Representatives). */
    private static boolean isAcronymOf(String acronym, Form head) {
        String[] words = WHITESPACE.split(head.name);
        if (words.length < 2) {
            return false;
        }
        StringBuilder all = new StringBuilder();
        StringBuilder major = new StringBuilder();
        for (String w : words) {
            String letters = w.replaceAll("[^\\p{L}&]", "");
            if (letters.isEmpty()) {
                continue;
            }
            char initial = Character.toLowerCase(letters.charAt(0));
            all.append(initial);
            if (!MINOR_WORDS.contains(letters.toLowerCase(Locale.ROOT))) {
                major.append(initial);
            }
        }
        String a = acronym.replace(".", "").toLowerCase(Locale.ROOT);
        return a.length() >= 2 && (a.contentEquals(all) || a.contentEquals(major));
    }

    /**
     * The most complete form: among the forms of the head's name, the one with most words ("Will Smith" over
     * "Smith" when no longer name exists), then without a function-word prefix, mixed case, as keys read it (no
     * leading "the"), most frequent.
     */
    private static String displayName(Group g) {
        return g.forms.stream()
                .filter(f -> f.core.equals(g.head.core))
                .max(Comparator.comparingInt((Form f) -> f.tokens.size())
                        .thenComparing(f -> !f.hasFunctionPrefix())
                        .thenComparing(f -> !isAllCaps(f.name) || isAcronym(f.name))
                        .thenComparing(f -> f.name.equals(EntityKeys.keyName(f.name))) // "Associated Press" over "the Associated Press"
                        .thenComparingInt(f -> f.mentions.size())
                        .thenComparingInt(f -> -f.firstStart()))
                .map(f -> f.name)
                .orElse(g.head.name);
    }

    private static boolean isAllCaps(String s) {
        return s.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }
}
