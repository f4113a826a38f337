package io.newsflow.eval.train;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistSimLexiconTest {

    private static final String TRAINING = """
            Jan\tB-PER
            woont\tO
            in\tO
            Gent\tB-LOC
            .\tO

            Marie\tB-PER
            werkt\tO
            in\tO
            Brussel\tB-LOC
            .\tO
            """;

    private static final Map<String, String> CLUSTERS = Map.of(
            "jan", "7", "marie", "7", "piet", "7", "gent", "3", "brussel", "3", "zwolle", "3", "in", "1");

    @Test
    void theLexiconOfATrainedModelIsReadBackWrittenAndTrainedWithAgain(@TempDir Path dir) throws Exception {
        Path stock = TinyTraining.stockModel(TRAINING, dir, "distSimLexicon",
                CLUSTERS.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList(), Map.of("useDistSim", "true"));

        DistSimLexicon lexicon = DistSimLexicon.fromModel(stock.toString());
        assertThat(lexicon.classes()).isEqualTo(CLUSTERS);

        Path written = dir.resolve("written.txt");
        lexicon.write(written);
        assertThat(Files.readAllLines(written)).contains("brussel 3", "jan 7").hasSize(CLUSTERS.size());
        Properties training = lexicon.trainingProperties(TinyTraining.baseProperties(), written);
        assertThat(training.getProperty("useDistSim")).isEqualTo("true");
        assertThat(training.getProperty("distSimLexicon")).isEqualTo(written.toString());
        assertThat(training.getProperty("distSimFileFormat")).isEqualTo("alexClark");
        assertThat(training.getProperty("casedDistSim")).isEqualTo("false");

        CRFClassifier<CoreLabel> ours = TinyTraining.train(TRAINING, training, dir);
        assertThat(TinyTraining.featureNames(ours)).anyMatch(f -> f.startsWith("3-DISTSIM"));
        assertThat(DistSimLexicon.of(ours, "ours").classes()).isEqualTo(CLUSTERS);
    }

    @Test
    void restrictingKeepsOnlyTheGivenWordsAsTheLexiconSpellsThem() {
        DistSimLexicon lexicon = new DistSimLexicon("test", CLUSTERS, new CRFClassifier<CoreLabel>(new Properties()).flags);
        assertThat(lexicon.restrictedTo(List.of("Gent", "MARIE", "Amsterdam")).classes())
                .isEqualTo(Map.of("gent", "3", "marie", "7"));
    }

    @Test
    void aModelWithoutWordClustersIsRefused(@TempDir Path dir) throws Exception {
        CRFClassifier<CoreLabel> plain = TinyTraining.train(TRAINING, TinyTraining.baseProperties(), dir);
        assertThatThrownBy(() -> DistSimLexicon.of(plain, "plain")).hasMessageContaining("without distsim");
    }

    @Test
    void coreNlpsSpanishModelCarriesItsWordClusters() throws Exception {
        DistSimLexicon lexicon = DistSimLexicon.fromModel("edu/stanford/nlp/models/ner/spanish.ancora.distsim.s512.crf.ser.gz");
        assertThat(lexicon.classes()).hasSizeGreaterThan(400_000);
        assertThat(lexicon.classes().values().stream().distinct().count()).isEqualTo(512);
        assertThat(lexicon.classes()).containsKey("madrid");
        assertThat(lexicon.flags().casedDistSim).isFalse();
    }
}
