package io.newsflow.eval.timex;

import java.util.List;

/**
 * One TimeML document: its text (tags removed, unescaped), the document creation time (a TIMEX3 value such as
 * {@code 2013-12-10}), the gold TIMEX3 spans of the text, and the language of its data set (ISO 639-1, or null:
 * then the enricher detects it).
 */
public record TmlDocument(String id, String dct, String text, List<TimexSpan> timexes, String language) {

    public TmlDocument {
        timexes = List.copyOf(timexes);
    }

    public TmlDocument(String id, String dct, String text, List<TimexSpan> timexes) {
        this(id, dct, text, timexes, null);
    }

    public TmlDocument inLanguage(String language) {
        return new TmlDocument(id, dct, text, timexes, language);
    }

    /** The language a data set's folder name says: "es-timebank-train" -> es, "meantime_en" -> en, else null. */
    public static String languageOfSet(String setName) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([a-z]{2})-.*|.*_([a-z]{2})$").matcher(setName);
        return !m.matches() ? null : m.group(1) != null ? m.group(1) : m.group(2);
    }
}
