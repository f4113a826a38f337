package io.newsflow.enrichment.text;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small language guess from function words, for articles that come without a language.
 * English is the default and wins unless another language clearly dominates; a proper detector (e.g.
 * lingua) can replace this when non-English sources matter.
 */
public final class LanguageGuess {

    private static final Map<String, Set<String>> FUNCTION_WORDS = new LinkedHashMap<>();

    static {
        FUNCTION_WORDS.put("en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "was", "with", "on", "as",
                "by", "are", "he", "it", "from", "at", "his", "this", "which", "have", "has", "were", "not"));
        FUNCTION_WORDS.put("fr", Set.of("le", "la", "les", "des", "et", "est", "du", "une", "dans", "que", "pour", "qui",
                "pas", "sur", "au", "avec", "ce", "il", "sont", "aux"));
        FUNCTION_WORDS.put("de", Set.of("der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit",
                "von", "sich", "des", "auf", "im", "dem", "wird", "auch"));
        FUNCTION_WORDS.put("es", Set.of("el", "los", "las", "del", "que", "y", "en", "un", "una", "por", "con", "para",
                "es", "se", "su", "al", "como", "pero"));
        FUNCTION_WORDS.put("it", Set.of("il", "di", "che", "e", "la", "per", "un", "una", "del", "della", "non", "sono",
                "con", "gli", "le", "nel", "dei"));
        FUNCTION_WORDS.put("ru", Set.of("и", "в", "не", "на", "что", "с", "по", "как", "это", "он", "к", "из", "за",
                "от", "для", "о", "его", "также"));
    }

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final int MAX_WORDS = 2000;

    private LanguageGuess() {
    }

    /** ISO 639-1 code; "en" unless another language has at least 5 hits and twice the English ones. */
    public static String guess(String text) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        int words = 0;
        while (m.find() && words++ < MAX_WORDS) {
            String w = m.group().toLowerCase(Locale.ROOT);
            FUNCTION_WORDS.forEach((lang, set) -> {
                if (set.contains(w)) {
                    hits.merge(lang, 1, Integer::sum);
                }
            });
        }
        int english = hits.getOrDefault("en", 0);
        String best = "en";
        int bestHits = english;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > bestHits) {
                best = e.getKey();
                bestHits = e.getValue();
            }
        }
        return !best.equals("en") && bestHits >= 5 && bestHits >= 2 * english ? best : "en";
    }
}
