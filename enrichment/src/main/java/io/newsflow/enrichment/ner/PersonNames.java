package io.newsflow.enrichment.ner;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bare person names: the tagger sometimes includes titles and ranks ("Marshal Khalifa Haftar",
 * "Defense Minister Sergei Shoigu"); the canonical name must not.
 */
public final class PersonNames {

    /** Words that are titles, ranks or offices when they precede a name (compared lower-case, without a final '.'). */
    private static final Set<String> TITLE_WORDS = Set.of(
            "mr", "mrs", "ms", "miss", "mister", "madam", "madame", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
            "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "deputy", "chief",
            "defense", "defence", "foreign", "interior", "finance", "justice", "state", "general", "attorney",
            "marshal", "field", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "captain", "capt",
            "commander", "admiral", "adm", "sergeant", "sgt", "brigadier", "corporal", "private",
            "king", "queen", "prince", "princess", "emperor", "sheikh", "sheik", "emir", "sultan", "pope", "saint",
            "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor",
            "ambassador", "envoy", "judge", "imam", "ayatollah", "rev", "reverend", "father", "cardinal", "bishop",
            "herr", "frau", "monsieur", "mme", "mlle", "excellency", "his", "her", "former", "late", "spokesman",
            "spokeswoman", "spokesperson");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Quotes, possessives and punctuation that stick to a tagged span. */
    private static final Pattern EDGE_JUNK = Pattern.compile("^[\\p{Pi}\\p{Pf}\"'(\\[]+|(['’]s|['’])?[\\p{Pi}\\p{Pf}\"')\\],;:]*$");

    private PersonNames() {
    }

    /** "Defense Minister Sergei Shoigu" -> "Sergei Shoigu"; a lone title-like word is kept ("Major"). */
    public static String stripTitles(String name) {
        List<String> words = Arrays.asList(WHITESPACE.split(tidy(name)));
        int first = 0;
        while (first < words.size() - 1 && isTitle(words.get(first))) {
            first++;
        }
        return String.join(" ", words.subList(first, words.size()));
    }

    /** Whitespace collapsed, surrounding quotes and a trailing possessive removed. */
    public static String tidy(String name) {
        String s = WHITESPACE.matcher(name).replaceAll(" ").strip();
        String t = EDGE_JUNK.matcher(s).replaceAll("").strip();
        return t.isEmpty() ? s : t;
    }

    static boolean isTitle(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        return TITLE_WORDS.contains(w);
    }
}
