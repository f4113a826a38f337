package io.newsflow.enrichment.text;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Locale;

/**
 * The language of an article that comes without one, by Lingua (character n-gram models, Apache-2.0).
 *
 * <p>The candidates are the languages news is commonly published in, not all 75: every candidate whose script
 * matches the text has its model loaded, so a short list keeps memory small. Low-accuracy mode (trigrams only) is
 * enough for article-length texts; its misses are on a few words, and only the first {@link #SAMPLE_CHARS} characters
 * are read, which bounds the cost of a long article.
 */
public final class LanguageDetection {

    /** ISO 639 "undetermined": no letters, or no language clearly ahead of the others. */
    public static final String UNDETERMINED = "und";

    static final int SAMPLE_CHARS = 400;

    /**
     * How far ahead of the runner-up the best language's confidence (1.0) must be. A short text made mostly of
     * names ("Khalifa Haftar met Vladimir Putin in Moscow.", lead ~0.02) scores nearly the same in many languages:
     * it is undetermined, not Croatian. A sentence of ordinary words leads by 0.2 or more.
     */
    static final double MINIMUM_LEAD = 0.03;

    private static final Language[] NEWS_LANGUAGES = {
            Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.PORTUGUESE, Language.ITALIAN,
            Language.DUTCH, Language.SWEDISH, Language.DANISH, Language.BOKMAL, Language.FINNISH, Language.POLISH,
            Language.CZECH, Language.SLOVAK, Language.HUNGARIAN, Language.ROMANIAN, Language.CROATIAN, Language.SERBIAN,
            Language.BULGARIAN, Language.RUSSIAN, Language.UKRAINIAN, Language.GREEK, Language.TURKISH, Language.ARABIC,
            Language.PERSIAN, Language.HEBREW, Language.URDU, Language.HINDI, Language.BENGALI, Language.CHINESE,
            Language.JAPANESE, Language.KOREAN, Language.VIETNAMESE, Language.THAI, Language.INDONESIAN, Language.MALAY,
            Language.TAGALOG, Language.SWAHILI};

    /** Built once per JVM, with every model loaded (the models are shared and read-only). */
    private static final class Holder {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(NEWS_LANGUAGES)
                .withLowAccuracyMode().withPreloadedLanguageModels().build();
    }

    private LanguageDetection() {
    }

    /** Loads the models now (a few seconds), so that the first article does not wait for them. */
    public static void load() {
        Holder.DETECTOR.hashCode();
    }

    /** The language of the article's title and text together: the title is more evidence in the same language. */
    public static String detect(String title, String text) {
        return detect(title == null || title.isBlank() ? text : text == null ? title : title + "\n" + text);
    }

    /** @return the ISO 639-1 code ("en", "fr" ...), or {@link #UNDETERMINED} */
    public static String detect(String text) {
        if (text == null || text.codePoints().noneMatch(Character::isLetter)) {
            return UNDETERMINED;
        }
        String sample = text.length() <= SAMPLE_CHARS ? text : text.substring(0, SAMPLE_CHARS);
        var confidence = Holder.DETECTOR.computeLanguageConfidenceValues(sample).entrySet().iterator(); // best first
        if (!confidence.hasNext()) {
            return UNDETERMINED;
        }
        Language language = confidence.next().getKey();
        if (confidence.hasNext() && 1.0 - confidence.next().getValue() < MINIMUM_LEAD) {
            return UNDETERMINED;
        }
        IsoCode639_1 code = language.getIsoCode639_1();
        return language == Language.UNKNOWN || code == IsoCode639_1.NONE ? UNDETERMINED : code.name().toLowerCase(Locale.ROOT);
    }
}
