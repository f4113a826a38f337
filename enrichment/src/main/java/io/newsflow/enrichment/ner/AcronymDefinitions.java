package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acronym definitions, "Long Name (ACRONYM)": when the tagger typed the acronym in parentheses but not (or only in
 * part) the capitalised words before it whose initials spell it, those words become a mention of the acronym's
 * type ("the Government of National Accord (GNA)": the CRF may tag only "GNA"). Mentions lying wholly inside the
 * long form are replaced by it; a mention of exactly the long form (whatever its type) or one that crosses its
 * edges leaves everything as it was.
 */
public final class AcronymDefinitions {

    /** Words an acronym usually skips. */
    private static final Set<String> MINOR_WORDS = Set.of("of", "the", "and", "for", "de", "du", "des", "la", "le",
            "del", "&", "on", "in", "to", "at");
    /** A word of a long form: letters first, then letters, digits, '&', '.', apostrophes or hyphens. */
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}&][\\p{L}\\p{Nd}&.'’-]*");
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    /** How far before the parenthesis to look (characters). */
    private static final int WINDOW = 200;

    private AcronymDefinitions() {
    }

    /** The mentions with the long forms of tagged acronyms added, in text order. */
    public static List<RawMention> apply(String text, List<RawMention> mentions) {
        List<RawMention> out = null;
        for (RawMention acronym : mentions) {
            if (acronym.type() == EntityType.PERSON || !EntityCanonicalizer.isAcronym(acronym.text())) {
                continue;
            }
            int paren = openingParenthesis(text, acronym);
            if (paren < 0) {
                continue;
            }
            int[] span = longForm(text, paren, acronym.text());
            if (span == null) {
                continue;
            }
            List<RawMention> current = out == null ? mentions : out;
            List<RawMention> next = new ArrayList<>(current.size() + 1);
            boolean blocked = false;
            boolean already = false;
            for (RawMention m : current) {
                boolean overlaps = m.start() < span[1] && span[0] < m.end();
                if (!overlaps) {
                    next.add(m);
                } else if (m.start() == span[0] && m.end() == span[1]) { // found already: its type is the tagger's call
                    already = true;
                    next.add(m);
                } else if (m.start() < span[0] || m.end() > span[1]) {
                    blocked = true;
                    break;
                } // else: wholly inside the long form, replaced by it
            }
            if (blocked || already) {
                continue;
            }
            next.add(new RawMention(acronym.type(), text.substring(span[0], span[1]), span[0], span[1]));
            next.sort(Comparator.comparingInt(RawMention::start));
            out = next;
        }
        return out == null ? mentions : out;
    }

    /** Where the "(" right before the acronym is ("... Accord (GNA)"), or -1. */
    private static int openingParenthesis(String text, RawMention acronym) {
        int i = acronym.start() - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i < 0 || text.charAt(i) != '(') {
            return -1;
        }
        int close = acronym.end();
        while (close < text.length() && text.charAt(close) == ' ') {
            close++;
        }
        return close < text.length() && text.charAt(close) == ')' ? i : -1;
    }

    /** The shortest run of name words ending right before the parenthesis whose initials spell the acronym. */
    static int[] longForm(String text, int paren, String acronym) {
        int from = Math.max(0, paren - WINDOW);
        List<int[]> words = new ArrayList<>();
        Matcher t = TOKEN.matcher(text.substring(from, paren));
        while (t.find()) {
            words.add(new int[]{from + t.start(), from + t.end()});
        }
        if (words.isEmpty() || words.get(words.size() - 1)[1] != lastNonSpace(text, paren)) {
            return null;
        }
        String letters = acronym.replace(".", "").toLowerCase(Locale.ROOT);
        StringBuilder all = new StringBuilder();
        StringBuilder major = new StringBuilder();
        for (int k = words.size() - 1; k >= 0; k--) {
            String word = text.substring(words.get(k)[0], words.get(k)[1]);
            boolean minor = MINOR_WORDS.contains(word);
            boolean capitalised = Character.isUpperCase(word.codePointAt(0)) && NAME_WORD.matcher(word).matches();
            if (!minor && !capitalised) {
                return null;
            }
            char initial = Character.toLowerCase(word.charAt(0));
            all.insert(0, initial);
            if (!minor) {
                major.insert(0, initial);
            }
            if (capitalised && (letters.contentEquals(all) || letters.contentEquals(major))) {
                return new int[]{words.get(k)[0], words.get(words.size() - 1)[1]};
            }
            if (major.length() > letters.length()) {
                return null;
            }
        }
        return null;
    }

    private static int lastNonSpace(String text, int paren) {
        int i = paren;
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i;
    }
}
