package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Canonical entity keys: {@code <type>:<slug>}, the slug being the name NFKD-normalised, accents stripped,
 * lower-cased, with runs of other characters turned into '-' ({@code person:khalifa-haftar}).
 *
 * <p>Person keys are also transliteration-tolerant, by two general rules applied to every person name
 * (the displayed name keeps its spelling):
 * <ul>
 *   <li>a 'y' that is not a consonant, i.e. not at the start of a word and not before a vowel, is written 'i':
 *       Shoygu/Shoigu -> {@code shoigu}, Sergey/Sergei -> {@code sergei}, Dmitry/Dmitri -> {@code dmitri};
 *       Yuri, Maya and Kyiv keep their consonant 'y' where it is one;</li>
 *   <li>the Arabic article is dropped when it is hyphenated to a name or written in lower case inside a name:
 *       "Fayez al-Sarraj", "Fayez Sarraj" -> {@code fayez-sarraj}; "Al Gore" is left alone.</li>
 * </ul>
 *
 * <p>Keys are the same in every language and ASCII:
 * <ul>
 *   <li>a place, organization or other name that is a country, continent or world region in some language is
 *       keyed by its English name ("Deutschland", "Германия", "德国" -> {@code location:germany}), see
 *       {@link PlaceNames}; whole names only, "Deutsche Bank" stays itself;</li>
 *   <li>names in other scripts are keyed by their Latin spelling ("Владимир Путин" -> {@code person:vladimir-putin},
 *       like "Vladimir Putin"), see {@link LatinSpelling}.</li>
 * </ul>
 * Names that are ASCII once their accents are stripped, and are not a foreign name of a region, keep the key they
 * always had; a leading "the" is not part of the key ({@link #keyName}: "the Associated Press" is
 * {@code organization:associated-press}).
 */
public final class EntityKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ARTICLE_PREFIX = Pattern.compile("^(?i:al|el)[-‐‑](?=\\p{L})");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** "the Associated Press", "THE HAGUE": the article before a name (never the whole name). */
    private static final Pattern LEADING_THE = Pattern.compile("^(?i:the)\\s+(?=\\S)");

    private EntityKeys() {
    }

    public static String key(EntityType type, String name) {
        return key(type, name, null);
    }

    /** The key of a name in a text of the given language (ISO 639-1, null when unknown), see {@link PlaceNames}. */
    public static String key(EntityType type, String name, String language) {
        name = keyName(name);
        String slug = type == EntityType.PERSON ? String.join("-", personTokens(name))
                : slug(LatinSpelling.ascii(PlaceNames.english(name, language).orElse(name), false));
        return type.keyPrefix() + ":" + asciiOnly(slug, name);
    }

    /** The name as keys and grouping read it: without a leading "the" ("the Associated Press", "THE HAGUE"). */
    public static String keyName(String name) {
        return LEADING_THE.matcher(name.strip()).replaceFirst("");
    }

    /** Whatever no transform could spell in Latin letters is left out; a name of nothing but that gets its code points. */
    private static String asciiOnly(String slug, String name) {
        if (slug.chars().allMatch(c -> c < 0x80)) {
            return slug;
        }
        String ascii = slug(slug.replaceAll("[^\\x00-\\x7F]+", "-"));
        if (!ascii.isEmpty()) {
            return ascii;
        }
        StringBuilder codes = new StringBuilder();
        name.strip().codePoints().filter(Character::isLetterOrDigit)
                .forEach(c -> codes.append(codes.length() == 0 ? "" : "-").append(Integer.toHexString(c)));
        return codes.toString();
    }

    /** NFKD, accents stripped, lower case, other characters to '-'. */
    public static String slug(String s) {
        String n = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        String slug = NON_ALNUM.matcher(n).replaceAll("-");
        int from = 0;
        int to = slug.length();
        while (from < to && slug.charAt(from) == '-') {
            from++;
        }
        while (to > from && slug.charAt(to - 1) == '-') {
            to--;
        }
        return slug.substring(from, to);
    }

    /** The comparable tokens of a person name: in Latin letters, slugged, Arabic article dropped, 'y' normalised. */
    public static List<String> personTokens(String name) {
        List<String> tokens = new ArrayList<>();
        String[] words = WHITESPACE.split(LatinSpelling.ascii(name, true).strip());
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0 && (w.equals("al") || w.equals("el")) && i < words.length - 1) {
                continue; // "Abdel Basset al Badri"
            }
            w = ARTICLE_PREFIX.matcher(w).replaceFirst("");
            for (String part : slug(w).split("-")) {
                if (!part.isEmpty()) {
                    tokens.add(normaliseY(part));
                }
            }
        }
        return tokens;
    }

    /** 'y' -> 'i' unless it starts the word or precedes a vowel (where it is a consonant). */
    static String normaliseY(String token) {
        StringBuilder sb = new StringBuilder(token);
        for (int i = 1; i < sb.length(); i++) {
            if (sb.charAt(i) == 'y' && (i + 1 == sb.length() || !isVowel(sb.charAt(i + 1)))) {
                sb.setCharAt(i, 'i');
            }
        }
        return sb.toString();
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
