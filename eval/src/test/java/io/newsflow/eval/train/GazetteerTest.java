package io.newsflow.eval.train;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Index;
import io.newsflow.eval.ner.ConllReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
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
        Path gazetteFile = dir.resolve("gazette.txt");
        Files.write(gazetteFile, ENTRIES);
        Properties props = baseProperties();
        props.setProperty("useGazettes", "true");
        props.setProperty("cleanGazette", "true");
        props.setProperty("gazette", gazetteFile.toString());
        Path stock = dir.resolve("stock.crf.ser.gz");
        train(props, dir).serializeClassifier(stock.toString());
        Files.delete(gazetteFile); // the model must carry the entries itself

        Gazetteer gazetteer = Gazetteer.fromModel(stock.toString());
        assertThat(gazetteer.entries()).containsExactly("LOC Reggio Emilia", "LOC Torino", "PER Anna", "PER Mario Rossi");

        Path written = dir.resolve("written.txt");
        gazetteer.write(written);
        assertThat(Files.readAllLines(written)).containsExactlyElementsOf(gazetteer.entries());
        Properties training = gazetteer.trainingProperties(baseProperties(), written);
        assertThat(training.getProperty("sloppyGazette")).isEqualTo("true");
        assertThat(training.getProperty("cleanGazette")).isEqualTo("false");

        CRFClassifier<CoreLabel> ours = train(training, dir);
        // sloppy features: the class of every entry holding the word, with and without the entry's length
        assertThat(featureNames(ours)).anyMatch(f -> f.startsWith("LOC-GAZ2")).anyMatch(f -> f.startsWith("PER-GAZ|"));
    }

    @Test
    void aModelWithoutGazettesIsRefused(@TempDir Path dir) throws Exception {
        CRFClassifier<CoreLabel> plain = train(baseProperties(), dir);
        assertThatThrownBy(() -> Gazetteer.of(plain, "plain")).hasMessageContaining("without gazettes");
    }

    @SuppressWarnings("unchecked")
    private static List<String> featureNames(CRFClassifier<CoreLabel> crf) throws ReflectiveOperationException {
        Field index = CRFClassifier.class.getDeclaredField("featureIndex");
        index.setAccessible(true);
        return ((Index<String>) index.get(crf)).objectsList();
    }

    private static Properties baseProperties() throws Exception {
        return NerTrainingConfig.load("nl", Map.of("multiThreadGrad", "1")).coreNlp();
    }

    private static CRFClassifier<CoreLabel> train(Properties props, Path dir) throws Exception {
        Path columns = Files.createTempFile(dir, "train", ".tsv");
        TrainNerCommand.writeColumns(ConllReader.parse(TRAINING, "tiny"), NerLabels.Scheme.IO, columns);
        CRFClassifier<CoreLabel> crf = new CRFClassifier<>(props);
        crf.train(columns.toString());
        return crf;
    }
}
