package io.newsflow.enrichment;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import io.newsflow.enrichment.ner.NerModel;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.Entity;
import io.newsflow.events.EntityType;
import io.newsflow.events.RawArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Which languages load, and where their models come from: the classpath, else a models directory (a language pack
 * unpacked there). Dutch runs on a tiny CRF trained here and put where its resource name says, in the directory.
 */
class EnricherModelsDirTest {

    private static final String DUTCH_MODEL = "io/newsflow/enrichment/ner/models/nl-conll2002.crf.ser.gz";

    private static EnrichedArticle enrich(Enricher enricher, String text, String language) {
        return enricher.enrich(new RawArticle(1, "t", null, null, null, null, text, null, language, "2019-04-17", "given", null), false);
    }

    private static Enricher enricher(Set<String> languages, Path modelsDir) {
        return new Enricher(Clock.fixed(SharedEnricher.NOW, ZoneOffset.UTC), Enricher.Limits.DEFAULT, languages, modelsDir);
    }

    /** A CRF that learnt a few Dutch sentences (PER/LOC/ORG, as the CoNLL 2002 data): enough to tag them again. */
    private static void trainTinyDutchModel(Path target) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.addAll(List.of("Mark\tPER", "Rutte\tPER", "bezocht\tO", "gisteren\tO", "Amsterdam\tLOC", ".\tO", "",
                    "De\tO", "bank\tO", "ING\tORG", "opende\tO", "een\tO", "kantoor\tO", "in\tO", "Utrecht\tLOC", ".\tO", "",
                    "Volgens\tO", "Rutte\tPER", "is\tO", "het\tO", "goed\tO", "nieuws\tO", ".\tO", ""));
        }
        Path train = Files.createTempFile("nl-train", ".tsv");
        Files.write(train, lines);
        Properties props = new Properties();
        props.setProperty("map", "word=0,answer=1");
        props.setProperty("useWord", "true");
        props.setProperty("useClassFeature", "true");
        props.setProperty("usePrev", "true");
        props.setProperty("useNext", "true");
        props.setProperty("useSequences", "true");
        props.setProperty("usePrevSequences", "true");
        props.setProperty("maxLeft", "1");
        props.setProperty("wordShape", "chris2useLC");
        CRFClassifier<CoreLabel> crf = new CRFClassifier<>(props);
        crf.train(train.toString());
        Files.createDirectories(target.getParent());
        crf.serializeClassifier(target.toString());
        Files.delete(train);
    }

    @Test
    void aModelFoundInTheModelsDirectoryRuns(@TempDir Path modelsDir) throws IOException {
        trainTinyDutchModel(modelsDir.resolve(DUTCH_MODEL));
        Enricher enricher = enricher(Set.of("nl"), modelsDir);
        assertThat(enricher.nerLanguages()).containsExactly("nl");

        EnrichedArticle a = enrich(enricher, "Mark Rutte bezocht gisteren Amsterdam.", "nl");
        assertThat(a.entities()).extracting(Entity::key, Entity::type).containsExactly(
                tuple("person:mark-rutte", EntityType.PERSON), tuple("location:amsterdam", EntityType.LOCATION));
        assertThat(a.enrichment().extractors()).containsExactly("ner:nl-conll2002", "dates:heideltime-nl");
        // English is not in this set: English text gets its dates, no entities
        EnrichedArticle english = enrich(enricher, "Angela Merkel met Emmanuel Macron in Berlin on Tuesday.", "en");
        assertThat(english.entities()).isEmpty();
        assertThat(english.enrichment().extractors()).containsExactly("ner:off-en:not-configured", "dates:sutime-en");
        assertThat(english.dates()).isNotEmpty();
    }

    @Test
    void aModelFoundNowhereMeansNoNerNotAFailure() {
        // the Chinese models are a language pack, not in the default build
        Enricher enricher = enricher(Set.of("zh"), null);
        assertThat(enricher.nerLanguages()).isEmpty();
        EnrichedArticle a = enrich(enricher, "习近平在北京会见了普京。", "zh");
        assertThat(a.entities()).isEmpty();
        assertThat(a.enrichment().extractors()).containsExactly("ner:off-zh:model-unavailable");
    }

    @Test
    void aLanguageWithoutModelIsAConfigurationError() {
        assertThatThrownBy(() -> enricher(Set.of("en", "pl"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pl'");
    }

    @Test
    void theClasspathComesFirstThenTheDirectory(@TempDir Path modelsDir) throws IOException {
        NerModel german = LanguageProfile.nerModel("de");
        assertThat(german.locate(modelsDir).orElseThrow().crfLocations()).containsExactlyElementsOf(german.crfs());

        NerModel chinese = LanguageProfile.nerModel("zh");
        assertThat(chinese.locate(modelsDir)).isEmpty();
        for (String file : chinese.files()) {
            Path path = modelsDir.resolve(file);
            Files.createDirectories(path.getParent());
            if (!Files.exists(path)) {
                Files.createFile(path);
            }
        }
        NerModel.Located located = chinese.locate(modelsDir).orElseThrow();
        assertThat(located.crfLocations()).containsExactly(modelsDir.resolve(chinese.crfs().get(0)).toString());
        assertThat(located.tokenizer().getProperty("segment.model"))
                .isEqualTo(modelsDir.resolve("edu/stanford/nlp/models/segmenter/chinese/ctb.gz").toString());
        assertThat(located.tokenizer().getProperty("tokenize.language")).isEqualTo("zh");
    }
}
