package io.newsflow.enrichment.ner;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The NER models trained by {@code ./newsflow train-ner} load from the classpath and tag sensibly. */
class TrainedNerModelsTest {

    private static final String MODELS = "io/newsflow/enrichment/ner/models/";

    private static CRFClassifier<CoreLabel> dutch;
    private static CRFClassifier<CoreLabel> spanish;
    private static CRFClassifier<CoreLabel> italian;

    @BeforeAll
    static void load() throws Exception {
        dutch = CRFClassifier.getClassifier(MODELS + "nl-conll2002.crf.ser.gz");
        spanish = CRFClassifier.getClassifier(MODELS + "es-conll2002.crf.ser.gz");
        italian = CRFClassifier.getClassifier(MODELS + "it-kind.crf.ser.gz");
    }

    @Test
    void dutchModelHasTheFourConllTypesAsIoLabels() {
        assertThat(dutch.labels()).containsExactlyInAnyOrder("O", "PER", "ORG", "LOC", "MISC");
    }

    @Test
    void dutchModelTagsPersonsAndPlaces() {
        assertThat(tag(dutch, "Burgemeester Femke Halsema sprak dinsdag in Amsterdam ."))
                .containsExactly("O", "PER", "PER", "O", "O", "O", "LOC", "O");
        assertThat(tag(dutch, "Jan de Vries woont in Utrecht en werkt bij de gemeente ."))
                .containsExactly("PER", "PER", "PER", "O", "O", "LOC", "O", "O", "O", "O", "O", "O");
    }

    @Test
    void dutchModelLeavesASentenceWithoutNamesAlone() {
        assertThat(tag(dutch, "Het regende de hele dag en de trein had vertraging .")).containsOnly("O");
    }

    @Test
    void spanishModelTagsAPersonAndAPlaceWithIob2Labels() {
        // IOB2: CoNLL-2002 Spanish has adjacent names of one type, which IO labels would join
        assertThat(spanish.labels()).containsExactlyInAnyOrder("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC",
                "B-MISC", "I-MISC");
        assertThat(tag(spanish, "El presidente Pedro Sánchez viajó el lunes a Barcelona ."))
                .containsExactly("O", "O", "B-PER", "I-PER", "O", "O", "O", "O", "B-LOC", "O");
    }

    @Test
    void italianModelCarriesTheGazetteerOfCoreNlpsItalianModelAsPerWordFeatures() {
        assertThat(italian.labels()).containsExactlyInAnyOrder("O", "PER", "ORG", "LOC");
        assertThat(italian.flags.useGazettes).isTrue();
        assertThat(italian.flags.sloppyGazette).isTrue();
        assertThat(italian.flags.cleanGazette).isFalse();
        assertThat(tag(italian, "Il sindaco Giuseppe Sala ha incontrato a Milano i dirigenti della Fiat ."))
                .containsExactly("O", "O", "PER", "PER", "O", "O", "O", "LOC", "O", "O", "O", "ORG", "O");
    }

    @Test
    void spanishModelCarriesTheWordClustersItWasTrainedWith() {
        assertThat(spanish.flags.useDistSim).isTrue();
        assertThat(spanish.flags.distSimFileFormat).isEqualTo("alexClark");
    }

    private static List<String> tag(CRFClassifier<CoreLabel> crf, String tokens) {
        List<CoreLabel> sentence = new ArrayList<>();
        for (String token : tokens.split(" ")) {
            CoreLabel label = new CoreLabel();
            label.setWord(token);
            label.setValue(token);
            label.setOriginalText(token);
            sentence.add(label);
        }
        return crf.classifySentence(sentence).stream().map(l -> l.get(CoreAnnotations.AnswerAnnotation.class)).toList();
    }
}
