package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Label consistency within an article: the CRF tags sentence by sentence and misses names it tagged elsewhere
 * ("Haftar asked for arms." after "Khalifa Haftar met Putin."). Every untagged occurrence of a name the tagger
 * found in the same article becomes a mention too: the exact spellings of person, organization and location
 * mentions and of multi-word MISC mentions (one-word MISC are mostly nationality words, tagged or not by their
 * role in the sentence; not as the tail of a longer capitalised name, "A Beautiful Day" for "Beautiful Day"),
 * and the surnames of multi-word person names.
 *
 * <p>Conservative on purpose: case-sensitive whole-word matches only, at least four letters, never month or
 * weekday names ("May" the surname would otherwise tag every "May"), never over an existing mention.
 */
public final class MentionPropagation {

    private static final int MIN_LETTERS = 4;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> CALENDAR_WORDS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday");

    private MentionPropagation() {
    }

    /** The mentions plus the propagated ones, in text order. */
    public static List<RawMention> propagate(String text, List<RawMention> mentions) {
        Map<String, EntityType> names = names(mentions);
        if (names.isEmpty()) {
            return mentions;
        }
        // candidates by their first word, longest first, so one scan over the words of the text finds them all
        Map<String, List<String>> byFirstWord = new HashMap<>();
        for (String name : names.keySet()) {
            byFirstWord.computeIfAbsent(WHITESPACE.split(name, 2)[0], k -> new ArrayList<>()).add(name);
        }
        byFirstWord.values().forEach(l -> l.sort(Comparator.comparingInt(String::length).reversed()));

        TreeMap<Integer, Integer> taken = new TreeMap<>(); // start -> end of existing mentions
        mentions.forEach(m -> taken.put(m.start(), m.end()));
        List<RawMention> out = new ArrayList<>(mentions);
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i)) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int wordEnd = i;
            while (wordEnd < text.length() && !Character.isWhitespace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            int matchedEnd = match(text, i, wordEnd, byFirstWord, names, taken, out);
            i = Math.max(matchedEnd, i + 1);
        }
        out.sort(Comparator.comparingInt(RawMention::start));
        return out;
    }

    /** Tries the candidates that start at {@code start}; returns the end of the mention added, or -1. */
    private static int match(String text, int start, int wordEnd, Map<String, List<String>> byFirstWord,
                             Map<String, EntityType> names, TreeMap<Integer, Integer> taken, List<RawMention> out) {
        // the first word may carry punctuation ("Haftar's", "Haftar,"): look candidates up by every prefix
        for (int end = wordEnd; end > start; end--) {
            List<String> candidates = byFirstWord.get(text.substring(start, end));
            if (candidates == null) {
                continue;
            }
            for (String name : candidates) {
                int nameEnd = start + name.length();
                if (text.startsWith(name, start) && (nameEnd == text.length() || !Character.isLetterOrDigit(text.charAt(nameEnd)))
                        && isFree(taken, start, nameEnd)
                        && (names.get(name) != EntityType.MISC || !afterCapitalisedWord(text, start))) {
                    taken.put(start, nameEnd);
                    out.add(new RawMention(names.get(name), name, start, nameEnd));
                    return nameEnd;
                }
            }
        }
        return -1;
    }

    /** "A Beautiful Lie": the occurrence is the tail of a longer capitalised name (a title's "A", "The"...). */
    private static boolean afterCapitalisedWord(String text, int start) {
        int i = start - 1;
        if (i < 0 || text.charAt(i) != ' ') {
            return false;
        }
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        int end = i;
        while (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
            i--;
        }
        return end > i && Character.isUpperCase(text.charAt(i));
    }

    private static boolean isFree(TreeMap<Integer, Integer> taken, int start, int end) {
        Map.Entry<Integer, Integer> before = taken.floorEntry(start);
        if (before != null && before.getValue() > start) {
            return false;
        }
        Integer next = taken.ceilingKey(start);
        return next == null || next >= end;
    }

    /** Names to look for, each with its majority type (surnames are persons). */
    private static Map<String, EntityType> names(List<RawMention> mentions) {
        Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
        for (RawMention m : mentions) {
            String name = PersonNames.tidy(m.text());
            if (m.type() == EntityType.MISC && name.indexOf(' ') < 0) {
                continue;
            }
            vote(votes, name, m.type());
            if (m.type() == EntityType.PERSON) {
                String[] words = WHITESPACE.split(PersonNames.stripTitles(name));
                if (words.length >= 2) {
                    vote(votes, words[words.length - 1], EntityType.PERSON);
                }
            }
        }
        Map<String, EntityType> names = new HashMap<>();
        votes.forEach((name, byType) -> {
            if (isSearchable(name)) {
                names.put(name, byType.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
            }
        });
        return names;
    }

    private static void vote(Map<String, Map<EntityType, Integer>> votes, String name, EntityType type) {
        votes.computeIfAbsent(name, k -> new EnumMap<>(EntityType.class)).merge(type, 1, Integer::sum);
    }

    private static boolean isSearchable(String name) {
        long letters = name.codePoints().filter(Character::isLetter).count();
        return letters >= MIN_LETTERS && Character.isUpperCase(name.codePointAt(0))
                && !CALENDAR_WORDS.contains(name.toLowerCase(Locale.ROOT));
    }
}
