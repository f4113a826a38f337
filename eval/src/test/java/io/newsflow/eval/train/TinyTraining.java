package io.newsflow.eval.train;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Index;
import io.newsflow.eval.ner.ConllReader;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Trains tiny CRF models in tests, with the shared training settings. */
final class TinyTraining {

    private TinyTraining() {
    }

    /** The shared settings (Dutch's: no word clusters, no gazetteer), one thread. */
    static Properties baseProperties() throws Exception {
        return NerTrainingConfig.load("nl", Map.of("multiThreadGrad", "1")).coreNlp();
    }

    /** Trains on {@code conll} (token TAB IOB2 tag) with IO labels. */
    static CRFClassifier<CoreLabel> train(String conll, Properties props, Path dir) throws Exception {
        Path columns = Files.createTempFile(dir, "train", ".tsv");
        TrainNerCommand.writeColumns(ConllReader.parse(conll, "tiny"), NerLabels.Scheme.IO, columns);
        CRFClassifier<CoreLabel> crf = new CRFClassifier<>(props);
        crf.train(columns.toString());
        return crf;
    }

    /**
     * A "stock" model: trained with a resource file ({@code fileKey} names it, {@code lines} are its content), saved,
     * and the file deleted, so that what is read back can only come from inside the model.
     */
    static Path stockModel(String conll, Path dir, String fileKey, List<String> lines, Map<String, String> settings)
            throws Exception {
        Path resource = dir.resolve("resource.txt");
        Files.write(resource, lines);
        Properties props = baseProperties();
        settings.forEach(props::setProperty);
        props.setProperty(fileKey, resource.toString());
        Path model = dir.resolve("stock.crf.ser.gz");
        train(conll, props, dir).serializeClassifier(model.toString());
        Files.delete(resource);
        return model;
    }

    @SuppressWarnings("unchecked")
    static List<String> featureNames(CRFClassifier<CoreLabel> crf) throws ReflectiveOperationException {
        Field index = CRFClassifier.class.getDeclaredField("featureIndex");
        index.setAccessible(true);
        return ((Index<String>) index.get(crf)).objectsList();
    }
}
