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

class GazetteerTest {

    private static final String TRAINING = """
            Mario\tB-PER
            Rossi\tI-PER
            vive\tO
            a\tO
            Reggio\tB-LOC
            Emilia\tI-LOC
            .\tO

            Anna\tB-PER
            lavora\tO
            a\tO
            Torino\tB-LOC
            .\tO
            """;

    private static final List<String> ENTRIES = List.of("LOC Reggio Emilia", "LOC Torino", "PER Mario Rossi", "PER Anna");

    @Test
    void theCleanGazetteOfAModelIsReadBackAndTrainedWithAsPerWordFeatures(@TempDir Path dir) throws Exception {
        Path stock = TinyTraining.stockModel(TRAINING, dir, "gazette", ENTRIES,
                Map.of("useGazettes", "true", "cleanGazette", "true"));

        Gazetteer gazetteer = Gazetteer.fromModel(stock.toString());
        assertThat(gazetteer.entries()).containsExactly("LOC Reggio Emilia", "LOC Torino", "PER Anna", "PER Mario Rossi");

        Path written = dir.resolve("written.txt");
        gazetteer.write(written);
        assertThat(Files.readAllLines(written)).containsExactlyElementsOf(gazetteer.entries());
        Properties training = gazetteer.trainingProperties(TinyTraining.baseProperties(), written);
        assertThat(training.getProperty("sloppyGazette")).isEqualTo("true");
        assertThat(training.getProperty("cleanGazette")).isEqualTo("false");

        CRFClassifier<CoreLabel> ours = TinyTraining.train(TRAINING, training, dir);
        // sloppy features: the class of every entry holding the word, with and without the entry's length
        assertThat(TinyTraining.featureNames(ours)).anyMatch(f -> f.startsWith("LOC-GAZ2")).anyMatch(f -> f.startsWith("PER-GAZ|"));
    }

    @Test
    void aModelWithoutGazettesIsRefused(@TempDir Path dir) throws Exception {
        CRFClassifier<CoreLabel> plain = TinyTraining.train(TRAINING, TinyTraining.baseProperties(), dir);
        assertThatThrownBy(() -> Gazetteer.of(plain, "plain")).hasMessageContaining("without gazettes");
    }
}
