package io.newsflow.enrichment;

import io.newsflow.enrichment.ner.NerModel;
import io.newsflow.enrichment.ner.NerModel.Rule;
import io.newsflow.enrichment.ner.NerTagger;
import io.newsflow.enrichment.text.LanguageDetection;
import io.newsflow.events.EntityType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What runs on an article of one language: which date tagger, and which NER model (none where we have none).
 * One table for every language, not a copy of the pipeline per language: a language's NER is a {@link NerModel}
 * (CRF files, tokenizer settings, label mapping, which rules follow), run by the same code for all of them.
 *
 * <ul>
 *   <li>English, and text of no clear language ({@code und}: mostly short English texts full of names), keep the
 *       English pipeline: the CoNLL 4-class CRF, the English name rules and SUTime.</li>
 *   <li>German, Spanish, French, Italian, Dutch have a CRF of their own, and HeidelTime dates; the English name rules
 *       do not follow them. Chinese has a CRF and the segmenter, from a language pack (not in the default build).</li>
 *   <li>The other languages HeidelTime has hand-written rules for get HeidelTime dates and no NER.</li>
 *   <li>Other languages get neither (clean text, language and search only) until a tagger of theirs is measured.</li>
 * </ul>
 *
 * <p>A model described here runs only when its language is among those the enricher loads and its files were found
 * ({@code Enricher}); otherwise {@link #extractors(String)} says why not.
 *
 * @param language   the ISO 639-1 code the article is stored with
 * @param dates      the date tagger
 * @param ner        the language's NER model, or null for none
 */
public record LanguageProfile(String language, DateExtractor dates, NerModel ner) {

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

    private static final String STOCK = "edu/stanford/nlp/models/ner/";
    private static final String OURS = "io/newsflow/enrichment/ner/models/";

    /**
     * The NER model of each language. To use another model for a language, change its line (e.g. Spanish:
     * {@code ner("es-conll2002", OURS + "es-conll2002.crf.ser.gz", "es")}); the tokenizer settings are those of
     * CoreNLP's {@code StanfordCoreNLP-<language>.properties}.
     */
    private static final Map<String, NerModel> NER_MODELS = Map.of(
            "en", new NerModel(ENGLISH_NER, NerTagger.DEFAULT_MODELS, Map.of("tokenize.language", "en",
                    "tokenize.options", "splitHyphenated=false"), List.of(), NerModel.STANDARD_LABELS,
                    Set.of(Rule.ENGLISH_NAMES, Rule.PROPAGATION), true),
            // hyphenated compounds stay one token ("Siemens-Konzern"), as German writing and GermEval treat them: the
            // model then no longer tags "Siemens" in it (dev F1 74.5 -> 76.6, docs/quality.md)
            "de", ner("de-corenlp-distsim", STOCK + "german.distsim.crf.ser.gz",
                    Map.of("tokenize.language", "de", "tokenize.options", "splitHyphenated=false"), Set.of(Rule.COUNTRIES_AS_PLACES)),
            // ours: CoNLL-2002 trained with the word clusters of CoreNLP's Spanish model (README "Trained NER models")
            "es", ner("es-conll2002", OURS + "es-conll2002.crf.ser.gz", "es"),
            "fr", ner("fr-corenlp-wikiner", STOCK + "french-wikiner-4class.crf.ser.gz", "fr"),
            // ours: CoreNLP's Italian CRF runs at 31 tokens/s (its gazetteer features; README "Languages"). CoreNLP has
            // no Italian rule tokenizer; the French one splits elisions ("l'", "dell'") the same way
            // without COUNTRIES_AS_PLACES: on the Italian dev set it costs 0.6 F1 (KIND tags countries that act as
            // organizations), where it gains 0.5 on Spanish, 0.1 on Dutch and nothing on German (docs/quality.md)
            "it", ner("it-kind", OURS + "it-kind.crf.ser.gz", "fr", Set.of()),
            // no Dutch tokenizer in CoreNLP: the English one (CoNLL 2002 text is tokenized much like it)
            "nl", ner("nl-conll2002", OURS + "nl-conll2002.crf.ser.gz", "en"),
            "zh", chinese());

    private static NerModel ner(String name, String crf, String tokenizerLanguage) {
        return ner(name, crf, tokenizerLanguage, Set.of(Rule.COUNTRIES_AS_PLACES));
    }

    private static NerModel ner(String name, String crf, String tokenizerLanguage, Set<Rule> rules) {
        return ner(name, crf, Map.of("tokenize.language", tokenizerLanguage), rules);
    }

    private static NerModel ner(String name, String crf, Map<String, String> tokenizer, Set<Rule> rules) {
        return new NerModel(name, List.of(crf), tokenizer, List.of(), NerModel.STANDARD_LABELS, rules, true);
    }

    /**
     * CoreNLP's Chinese CRF after its segmenter (settings of StanfordCoreNLP-chinese.properties). Its GPE is a place;
     * its MISC is dropped: it holds time words too ("昨天", yesterday).
     */
    private static NerModel chinese() {
        String segmenter = "edu/stanford/nlp/models/segmenter/chinese";
        Map<String, EntityType> labels = new HashMap<>(NerModel.STANDARD_LABELS);
        labels.put("GPE", EntityType.LOCATION);
        labels.remove("MISC");
        return new NerModel("zh-corenlp-misc", List.of(STOCK + "chinese.misc.distsim.crf.ser.gz"), Map.of(
                "tokenize.language", "zh",
                "segment.model", segmenter + "/ctb.gz",
                "segment.sighanCorporaDict", segmenter,
                "segment.serDictionary", segmenter + "/dict-chris6.ser.gz",
                "segment.sighanPostProcessing", "true",
                "ssplit.boundaryTokenRegex", "[.。]|[!?！？]+"),
                List.of("segment.model", "segment.sighanCorporaDict", "segment.serDictionary"), labels, Set.of(Rule.COUNTRIES_AS_PLACES), false);
    }

    /** The profile of an article's language: the client's code or the detected one ("en", "de-AT", "PT_br", "und"). */
    public static LanguageProfile of(String language) {
        String code = primaryCode(language);
        if (code.equals("en") || code.equals(LanguageDetection.UNDETERMINED)) {
            return new LanguageProfile(code, DateExtractor.SUTIME, NER_MODELS.get("en"));
        }
        NerModel ner = NER_MODELS.get(code);
        if (HEIDELTIME_LANGUAGES.containsKey(code)) {
            return new LanguageProfile(code, DateExtractor.HEIDELTIME, ner);
        }
        return new LanguageProfile(code, DateExtractor.NONE, ner);
    }

    /** The languages that have a NER model here ("en", "de"...). */
    public static Set<String> nerLanguages() {
        return new TreeSet<>(NER_MODELS.keySet());
    }

    /** The NER model of a language code, or null. */
    public static NerModel nerModel(String language) {
        return NER_MODELS.get(primaryCode(language));
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

    /** The key of this language's NER in the enricher: "en" for English and {@code und}, else the language. */
    public String nerLanguage() {
        return language.equals(LanguageDetection.UNDETERMINED) ? "en" : language;
    }

    /** What runs when the NER runs, as {@code enrichment.extractors} says it: "ner:en-conll4", "dates:sutime-en". */
    public List<String> extractors() {
        return extractors(null);
    }

    /**
     * What runs, as {@code enrichment.extractors} says it: "ner:en-conll4", "dates:sutime-en", "dates:heideltime-es".
     *
     * @param nerOff null when the language's NER runs; else why not ("not-configured", "model-unavailable"), listed as
     *               "ner:off-de:not-configured"
     */
    public List<String> extractors(String nerOff) {
        List<String> names = new ArrayList<>();
        if (ner != null) {
            names.add(nerOff == null ? "ner:" + ner.name() : "ner:off-" + nerLanguage() + ":" + nerOff);
        }
        switch (dates) {
            case SUTIME -> names.add("dates:sutime-en");
            case HEIDELTIME -> names.add("dates:heideltime-" + language);
            case NONE -> { /* no date tagger */ }
        }
        return List.copyOf(names);
    }
}
