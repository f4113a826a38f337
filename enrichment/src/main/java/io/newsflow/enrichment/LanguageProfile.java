package io.newsflow.enrichment;

import io.newsflow.enrichment.text.LanguageDetection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What runs on an article of one language: which date tagger, and which NER model (none where we have none).
 * One table for every language, not a copy of the pipeline per language.
 *
 * <ul>
 *   <li>English, and text of no clear language ({@code und}: mostly short English texts full of names), keep the
 *       English pipeline: the CoNLL 4-class CRF and SUTime.</li>
 *   <li>The languages HeidelTime has hand-written rules for get HeidelTime dates in that language. They get no NER
 *       yet: the English CRF on German news scores F1 29 (issue 15), and its false names (capitalised German
 *       nouns) would land in the entity index every language shares.</li>
 *   <li>Other languages get neither (clean text, language and search only) until a tagger of theirs is measured.</li>
 * </ul>
 *
 * @param language   the ISO 639-1 code the article is stored with
 * @param dates      the date tagger
 * @param nerModel   the NER model's name, or null for no NER
 */
public record LanguageProfile(String language, DateExtractor dates, String nerModel) {

    public LanguageProfile {
        // the only NER there is runs inside the English pipeline (tokenizer, CRF and English name rules)
        if (nerModel != null && dates != DateExtractor.SUTIME) {
            throw new IllegalArgumentException("NER runs with the English pipeline only, not with " + dates);
        }
    }

    /** The date taggers. */
    public enum DateExtractor { SUTIME, HEIDELTIME, NONE }

    /** The English CRF model (CoreNLP's english.conll.4class) and NamePatterns and the other English rules. */
    public static final String ENGLISH_NER = "en-conll4";

    /**
     * ISO 639-1 code -> HeidelTime's name of a language it has rules for (not its "auto-" ones, unmeasured). Not
     * Chinese: its rules need a word segmenter (TreeTagger's) and find nothing without one ("2019年4月12日").
     */
    private static final Map<String, String> HEIDELTIME_LANGUAGES = Map.ofEntries(
            Map.entry("de", "german"), Map.entry("es", "spanish"), Map.entry("fr", "french"), Map.entry("it", "italian"),
            Map.entry("nl", "dutch"), Map.entry("pt", "portuguese"), Map.entry("ru", "russian"),
            Map.entry("ar", "arabic"), Map.entry("vi", "vietnamese"), Map.entry("et", "estonian"), Map.entry("hr", "croatian"));

    /** The profile of an article's language: the client's code or the detected one ("en", "de-AT", "PT_br", "und"). */
    public static LanguageProfile of(String language) {
        String code = primaryCode(language);
        if (code.equals("en") || code.equals(LanguageDetection.UNDETERMINED)) {
            return new LanguageProfile(code, DateExtractor.SUTIME, ENGLISH_NER);
        }
        if (HEIDELTIME_LANGUAGES.containsKey(code)) {
            return new LanguageProfile(code, DateExtractor.HEIDELTIME, null);
        }
        return new LanguageProfile(code, DateExtractor.NONE, null);
    }

    /** The language part of a tag, lower-case: "de-AT" -> "de"; "und" for nothing. */
    static String primaryCode(String language) {
        if (language == null || language.isBlank()) {
            return LanguageDetection.UNDETERMINED;
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        int cut = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
        return cut > 0 ? code.substring(0, cut) : code;
    }

    /** HeidelTime's name of this language ("spanish"), or null when HeidelTime does not run. */
    public String heidelTimeLanguage() {
        return dates == DateExtractor.HEIDELTIME ? HEIDELTIME_LANGUAGES.get(language) : null;
    }

    public boolean runsNer() {
        return nerModel != null;
    }

    /** What runs, as {@code enrichment.extractors} says it: "ner:en-conll4", "dates:sutime-en", "dates:heideltime-es". */
    public List<String> extractors() {
        List<String> names = new ArrayList<>();
        if (nerModel != null) {
            names.add("ner:" + nerModel);
        }
        switch (dates) {
            case SUTIME -> names.add("dates:sutime-en");
            case HEIDELTIME -> names.add("dates:heideltime-" + language);
            case NONE -> { /* no date tagger */ }
        }
        return List.copyOf(names);
    }
}
