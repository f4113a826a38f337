package io.newsflow.eval.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NerTrainingConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"nl", "es", "it"})
    void everyLanguageHasATrainFileAModelNameAndTheSharedCrfSettings(String language) throws Exception {
        NerTrainingConfig config = NerTrainingConfig.load(language, Map.of());
        assertThat(config.trainFile()).startsWith("ner/" + language + "-").endsWith("-train.conll");
        assertThat(config.model()).startsWith(language + "-");
        // Spanish: IOB2, its data has adjacent names of one type
        assertThat(config.labels()).isEqualTo(language.equals("es") ? NerLabels.Scheme.IOB2 : NerLabels.Scheme.IO);
        assertThat(config.coreNlp().getProperty("map")).isEqualTo("word=0,answer=1");
        assertThat(config.coreNlp().stringPropertyNames()).noneMatch(k -> k.startsWith("newsflow."));
    }

    @Test
    void modelNamesAreTheResourcesTheEnrichmentLoads() throws Exception {
        assertThat(NerTrainingConfig.load("nl", Map.of()).model()).isEqualTo("nl-conll2002");
        assertThat(NerTrainingConfig.load("es", Map.of()).model()).isEqualTo("es-conll2002");
        assertThat(NerTrainingConfig.load("it", Map.of()).model()).isEqualTo("it-kind");
    }

    @Test
    void spanishTrainsWithTheWordClustersOfCoreNlpsSpanishModel() throws Exception {
        NerTrainingConfig es = NerTrainingConfig.load("es", Map.of());
        assertThat(es.distSimFrom()).isEqualTo("edu/stanford/nlp/models/ner/spanish.ancora.distsim.s512.crf.ser.gz");
        assertThat(es.distSimWords()).isEqualTo(NerTrainingConfig.DistSimWords.ALL);
    }

    @Test
    void italianTrainsWithTheGazetteerOfCoreNlpsItalianModel() throws Exception {
        assertThat(NerTrainingConfig.load("it", Map.of()).gazetteFrom()).isEqualTo("edu/stanford/nlp/models/ner/italian.crf.ser.gz");
        assertThat(NerTrainingConfig.load("nl", Map.of()).gazetteFrom()).isNull();
    }

    @Test
    void overridesWinOverThePropertiesFiles() throws Exception {
        NerTrainingConfig config = NerTrainingConfig.load("nl", Map.of("sigma", "3", "newsflow.labels", "iob2"));
        assertThat(config.coreNlp().getProperty("sigma")).isEqualTo("3");
        assertThat(config.labels()).isEqualTo(NerLabels.Scheme.IOB2);
    }

    @Test
    void wordClustersComeFromAStockModelOnlyWhenTheSettingsNameOne() throws Exception {
        assertThat(NerTrainingConfig.load("nl", Map.of()).distSimFrom()).isNull();
        NerTrainingConfig es = NerTrainingConfig.load("es", Map.of("newsflow.distSimFrom", "some/model.crf.ser.gz"));
        assertThat(es.distSimFrom()).isEqualTo("some/model.crf.ser.gz");
        assertThat(es.distSimWords()).isEqualTo(NerTrainingConfig.DistSimWords.ALL);
        assertThat(NerTrainingConfig.load("es", Map.of("newsflow.distSimWords", "training")).distSimWords())
                .isEqualTo(NerTrainingConfig.DistSimWords.TRAINING);
    }

    @Test
    void anUnknownLanguageIsRefused() {
        assertThatThrownBy(() -> NerTrainingConfig.load("xx", Map.of())).hasMessageContaining("train-xx.properties");
        assertThatThrownBy(() -> NerTrainingConfig.load("../nl", Map.of())).hasMessageContaining("not a language code");
    }
}
