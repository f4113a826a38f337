package io.newsflow.enrichment;

import io.newsflow.enrichment.LanguageProfile.DateExtractor;
import io.newsflow.enrichment.ner.NerModel;
import io.newsflow.enrichment.ner.NerModel.Rule;
import io.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageProfileTest {

    @Test
    void englishAndUndeterminedKeepTheEnglishPipeline() {
        for (String language : new String[] {"en", "EN", "en-GB", "und", null, " "}) {
            LanguageProfile profile = LanguageProfile.of(language);
            assertThat(profile.dates()).as(language).isEqualTo(DateExtractor.SUTIME);
            assertThat(profile.nerLanguage()).as(language).isEqualTo("en");
            assertThat(profile.extractors()).as(language).containsExactly("ner:en-conll4", "dates:sutime-en");
        }
    }

    @Test
    void heidelTimeLanguagesGetItsDates() {
        LanguageProfile spanish = LanguageProfile.of("es");
        assertThat(spanish.dates()).isEqualTo(DateExtractor.HEIDELTIME);
        assertThat(spanish.heidelTimeLanguage()).isEqualTo("spanish");
        assertThat(spanish.extractors()).containsExactly("ner:es-conll2002", "dates:heideltime-es");
        assertThat(LanguageProfile.of("de-AT").extractors()).containsExactly("ner:de-corenlp-distsim", "dates:heideltime-de");
        assertThat(LanguageProfile.of("pt_BR").heidelTimeLanguage()).isEqualTo("portuguese");
        assertThat(LanguageProfile.of("pt").ner()).isNull();
        assertThat(LanguageProfile.of("pt").extractors()).containsExactly("dates:heideltime-pt");
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
        assertThat(polish.ner()).isNull();
        assertThat(polish.extractors()).isEmpty();
    }

    @Test
    void everyModelLanguageHasOneDescription() {
        assertThat(LanguageProfile.nerLanguages()).containsExactly("de", "en", "es", "fr", "it", "nl", "zh");
        assertThat(LanguageProfile.nerModel("de").crfs()).containsExactly("edu/stanford/nlp/models/ner/german.distsim.crf.ser.gz");
        assertThat(LanguageProfile.nerModel("de").tokenizer()).containsEntry("tokenize.language", "de")
                .containsEntry("tokenize.options", "splitHyphenated=false");
        assertThat(LanguageProfile.nerModel("nl").crfs()).containsExactly("io/newsflow/enrichment/ner/models/nl-conll2002.crf.ser.gz");
        // Chinese: the segmenter's files are model files too; GPE is a place
        NerModel chinese = LanguageProfile.nerModel("zh");
        assertThat(chinese.files()).contains("edu/stanford/nlp/models/segmenter/chinese/ctb.gz");
        assertThat(chinese.labels()).containsEntry("GPE", EntityType.LOCATION).doesNotContainKey("MISC");
        assertThat(chinese.capitalisedNames()).isFalse();
    }

    @Test
    void theEnglishNameRulesAndPropagationFollowEnglishOnly() {
        assertThat(LanguageProfile.nerModel("en").rules()).containsExactlyInAnyOrder(Rule.ENGLISH_NAMES, Rule.PROPAGATION);
        for (String code : new String[] {"de", "es", "fr", "nl", "zh"}) {
            assertThat(LanguageProfile.nerModel(code).rules()).as(code).containsExactly(Rule.COUNTRIES_AS_PLACES);
        }
        // measured: countries as places costs 0.6 F1 on the Italian dev set
        assertThat(LanguageProfile.nerModel("it").rules()).isEmpty();
    }

    @Test
    void extractorsSayWhyTheNerIsOff() {
        assertThat(LanguageProfile.of("it").extractors("not-configured")).containsExactly("ner:off-it:not-configured", "dates:heideltime-it");
        assertThat(LanguageProfile.of("und").extractors("not-configured")).containsExactly("ner:off-en:not-configured", "dates:sutime-en");
        assertThat(LanguageProfile.of("zh").extractors("model-unavailable")).containsExactly("ner:off-zh:model-unavailable");
    }
}
