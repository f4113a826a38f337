package io.newsflow.eval.train;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.ner.ConllReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CrfModelPrunerTest {

    private static final String TRAINING = """
            -DOCSTART-

            Jan\tB-PER
            Peeters\tI-PER
            woont\tO
            in\tO
            Gent\tB-LOC
            .\tO

            Marie\tB-PER
            werkt\tO
            bij\tO
            Philips\tB-ORG
            in\tO
            Eindhoven\tB-LOC
            .\tO

            De\tO
            trein\tO
            naar\tO
            Brussel\tB-LOC
            had\tO
            vertraging\tO
            .\tO

            Piet\tB-PER
            Jansen\tI-PER
            las\tO
            De\tB-ORG
            Morgen\tI-ORG
            in\tO
            Antwerpen\tB-LOC
            .\tO
            """;

    /** L1 sets many weights to exactly 0 for every label: dropping those features must not change any label. */
    @Test
    void droppingFlatFeaturesShrinksTheModelAndKeepsEveryLabel(@TempDir Path dir) throws Exception {
        List<ConllDocument> documents = ConllReader.parse(TRAINING, "tiny");
        Path columns = dir.resolve("train.tsv");
        TrainNerCommand.writeColumns(documents, NerLabels.Scheme.IO, columns);
        NerTrainingConfig config = NerTrainingConfig.load("nl", Map.of("multiThreadGrad", "1", "useOWLQN", "true", "priorLambda", "0.2"));
        CRFClassifier<CoreLabel> crf = new CRFClassifier<>(config.coreNlp());
        crf.train(columns.toString());

        List<List<String>> sentences = List.of(
                List.of("Jan", "Peeters", "werkt", "bij", "Philips", "in", "Gent", "."),
                List.of("Marie", "las", "De", "Morgen", "in", "Brussel", "."),
                List.of("Onbekend", "Woord", "in", "Zwolle", "."));
        List<List<String>> before = sentences.stream().map(s -> TrainNerCommand.tag(crf, s)).toList();
        int weightsBefore = crf.getNumWeights();

        CrfModelPruner.dropFlatFeatures(crf, 0);

        assertThat(crf.getNumWeights()).isLessThan(weightsBefore);
        assertThat(sentences.stream().map(s -> TrainNerCommand.tag(crf, s)).toList()).isEqualTo(before);

        Path model = dir.resolve("tiny.crf.ser.gz");
        crf.serializeClassifier(model.toString());
        CRFClassifier<CoreLabel> loaded = CRFClassifier.getClassifier(model.toFile());
        assertThat(sentences.stream().map(s -> TrainNerCommand.tag(loaded, s)).toList()).isEqualTo(before);
        // the model learnt something (a name seen in training), so that the comparisons above mean something
        assertThat(before.get(0).get(0)).isEqualTo("PER");
    }
}
