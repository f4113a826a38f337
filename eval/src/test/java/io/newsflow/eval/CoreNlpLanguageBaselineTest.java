package io.newsflow.eval;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stock pipelines' settings and labels (no model is loaded here: that takes minutes and gigabytes). */
class CoreNlpLanguageBaselineTest {

    @Test
    void theStockLabelsMapToConllTypes() {
        assertThat(CoreNlpLanguageBaseline.conllType("PERSON")).isEqualTo("PER");
        assertThat(CoreNlpLanguageBaseline.conllType("PER")).isEqualTo("PER");
        assertThat(CoreNlpLanguageBaseline.conllType("ORGANIZATION")).isEqualTo("ORG");
        assertThat(CoreNlpLanguageBaseline.conllType("ORG")).isEqualTo("ORG");
        assertThat(CoreNlpLanguageBaseline.conllType("LOCATION")).isEqualTo("LOC");
        assertThat(CoreNlpLanguageBaseline.conllType("LOC")).isEqualTo("LOC");
        assertThat(CoreNlpLanguageBaseline.conllType("GPE")).isEqualTo("LOC");
        assertThat(CoreNlpLanguageBaseline.conllType("MISC")).isEqualTo("MISC");
        assertThat(CoreNlpLanguageBaseline.conllType("FACILITY")).isNull();
        assertThat(CoreNlpLanguageBaseline.conllType("DEMONYM")).isNull();
        assertThat(CoreNlpLanguageBaseline.conllType("DATE")).isNull();
        assertThat(CoreNlpLanguageBaseline.conllType("O")).isNull();
        assertThat(CoreNlpLanguageBaseline.conllType(null)).isNull();
    }

    @Test
    void germanSpanishItalianAndChineseHaveAStockModelDutchHasNone() {
        assertThat(CoreNlpLanguageBaseline.hasStockModel("de")).isTrue();
        assertThat(CoreNlpLanguageBaseline.hasStockModel("es")).isTrue();
        assertThat(CoreNlpLanguageBaseline.hasStockModel("it")).isTrue();
        assertThat(CoreNlpLanguageBaseline.hasStockModel("zh")).isTrue();
        assertThat(CoreNlpLanguageBaseline.hasStockModel("nl")).isFalse();
        assertThat(CoreNlpLanguageBaseline.hasStockModel(null)).isFalse();
        assertThatThrownBy(() -> new CoreNlpLanguageBaseline("nl")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedPipelineRunsOnTheGoldTokensWithNerAloneAndNoExtraClasses() {
        for (String language : new String[]{"de", "es", "it"}) {
            Properties p = CoreNlpLanguageBaseline.pipelineProperties(language);
            assertThat(p.getProperty("annotators")).isEqualTo("tokenize,ssplit,ner");
            assertThat(p.getProperty("tokenize.whitespace")).isEqualTo("true");
            assertThat(p.getProperty("ssplit.eolonly")).isEqualTo("true");
            assertThat(p.getProperty("tokenize.postProcessor")).isNull();
            assertThat(p.getProperty("ner.applyNumericClassifiers")).isEqualTo("false");
            assertThat(p.getProperty("ner.useSUTime")).isEqualTo("false");
            assertThat(p.getProperty("ner.applyFineGrained")).isEqualTo("false");
        }
        assertThat(new CoreNlpLanguageBaseline("de").model()).isEqualTo("german.distsim.crf.ser.gz");
        assertThat(new CoreNlpLanguageBaseline("es").model()).isEqualTo("spanish.ancora.distsim.s512.crf.ser.gz");
        assertThat(new CoreNlpLanguageBaseline("it").model()).isEqualTo("italian.crf.ser.gz");
    }

    @Test
    void chineseIsSegmentedIntoWordsOneSentencePerLine() {
        Properties p = CoreNlpLanguageBaseline.pipelineProperties("zh");
        assertThat(p.getProperty("annotators")).isEqualTo("tokenize,ssplit,ner");
        assertThat(p.getProperty("tokenize.whitespace")).isNull();
        assertThat(p.getProperty("tokenize.language")).isEqualTo("zh");
        assertThat(p.getProperty("segment.model")).endsWith("ctb.gz");
        assertThat(p.getProperty("ssplit.eolonly")).isEqualTo("true");
        assertThat(p.getProperty("ner.applyNumericClassifiers")).isEqualTo("false");
        assertThat(new CoreNlpLanguageBaseline("zh").model()).isEqualTo("chinese.misc.distsim.crf.ser.gz");
    }
}
