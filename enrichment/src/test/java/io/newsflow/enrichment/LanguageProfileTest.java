package io.newsflow.enrichment;

import io.newsflow.enrichment.LanguageProfile.DateExtractor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguageProfileTest {

    @Test
    void englishAndUndeterminedKeepTheEnglishPipeline() {
        for (String language : new String[] {"en", "EN", "en-GB", "und", null, " "}) {
            LanguageProfile profile = LanguageProfile.of(language);
            assertThat(profile.dates()).as(language).isEqualTo(DateExtractor.SUTIME);
            assertThat(profile.extractors()).as(language).containsExactly("ner:en-conll4", "dates:sutime-en");
        }
    }

    @Test
    void heidelTimeLanguagesGetItsDatesAndNoEnglishNer() {
        LanguageProfile spanish = LanguageProfile.of("es");
        assertThat(spanish.dates()).isEqualTo(DateExtractor.HEIDELTIME);
        assertThat(spanish.heidelTimeLanguage()).isEqualTo("spanish");
        assertThat(spanish.runsNer()).isFalse();
        assertThat(spanish.extractors()).containsExactly("dates:heideltime-es");
        assertThat(LanguageProfile.of("de-AT").extractors()).containsExactly("dates:heideltime-de");
        assertThat(LanguageProfile.of("pt_BR").heidelTimeLanguage()).isEqualTo("portuguese");
        for (String code : new String[] {"de", "es", "fr", "it", "nl", "pt", "ru", "ar", "vi", "et", "hr"}) {
            assertThat(LanguageProfile.of(code).dates()).as(code).isEqualTo(DateExtractor.HEIDELTIME);
        }
    }

    @Test
    void otherLanguagesGetNeitherDatesNorEntities() {
        // Chinese too: HeidelTime's Chinese rules find nothing without a word segmenter
        assertThat(LanguageProfile.of("zh").dates()).isEqualTo(DateExtractor.NONE);
        LanguageProfile polish = LanguageProfile.of("pl");
        assertThat(polish.dates()).isEqualTo(DateExtractor.NONE);
        assertThat(polish.heidelTimeLanguage()).isNull();
        assertThat(polish.extractors()).isEmpty();
    }

    @Test
    void nerOnlyWithTheEnglishPipeline() {
        assertThatThrownBy(() -> new LanguageProfile("de", DateExtractor.HEIDELTIME, LanguageProfile.ENGLISH_NER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
