package io.newsflow.eval;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.ner.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The stock CoreNLP NER of a language other than English, as its authors ship it: the pipeline of the
 * {@code StanfordCoreNLP-<language>.properties} in that language's models jar, cut down to
 * {@code tokenize,ssplit,ner}. None of the shipped CRFs reads POS tags, so no tagger runs. It sees the gold tokens
 * (whitespace tokenisation, one sentence per line) and no multi-word-token splitting. Chinese is the exception: the
 * shipped segmenter splits each line into words, because the Chinese model tags words, and the spans are scored on
 * characters. Numeric classifiers, SUTime and the fine-grained rules are off: they would only add labels that are
 * not PER/ORG/LOC/MISC. The pipeline is built on first use, or by {@link #load()}.
 */
public final class CoreNlpLanguageBaseline implements NerSystem {

    /** The languages with a stock CoreNLP NER model, by the name of the properties file in their models jar. */
    private static final Map<String, String> PIPELINE_NAMES = Map.of(
            "de", "german", "es", "spanish", "it", "italian", "zh", "chinese");

    private final String language;
    private volatile StanfordCoreNLP pipeline;

    public CoreNlpLanguageBaseline(String language) {
        if (!hasStockModel(language)) {
            throw new IllegalArgumentException("no stock CoreNLP NER model for language " + language);
        }
        this.language = language;
    }

    /** Is there a stock NER model for this language (other than English) on the classpath? Dutch has none. */
    public static boolean hasStockModel(String language) {
        return propertiesFile(language).map(f -> CoreNlpLanguageBaseline.class.getClassLoader().getResource(f) != null)
                .orElse(false);
    }

    private static Optional<String> propertiesFile(String language) {
        return Optional.ofNullable(language == null ? null : PIPELINE_NAMES.get(language))
                .map(name -> "StanfordCoreNLP-" + name + ".properties");
    }

    @Override
    public String name() {
        return "corenlp";
    }

    public String language() {
        return language;
    }

    /** The NER model the pipeline runs, e.g. {@code german.distsim.crf.ser.gz}. */
    public String model() {
        String model = pipelineProperties(language).getProperty("ner.model");
        return model.substring(model.lastIndexOf('/') + 1);
    }

    /** Builds the pipeline now (to time model loading apart from tagging). */
    public void load() {
        pipeline();
    }

    private StanfordCoreNLP pipeline() {
        if (pipeline == null) {
            synchronized (this) {
                if (pipeline == null) {
                    pipeline = new StanfordCoreNLP(pipelineProperties(language));
                }
            }
        }
        return pipeline;
    }

    /** The shipped properties of the language, with the changes described on the class. */
    static Properties pipelineProperties(String language) {
        String file = propertiesFile(language).orElseThrow(() -> new IllegalArgumentException("no stock model for " + language));
        Properties p = new Properties();
        try (InputStream in = CoreNlpLanguageBaseline.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is not on the classpath (its models jar is missing)");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.setProperty("annotators", "tokenize,ssplit,ner");
        if (!language.equals("zh")) {
            p.setProperty("tokenize.whitespace", "true");
            p.remove("tokenize.postProcessor"); // German's would merge and split the gold tokens
        }
        p.setProperty("ssplit.eolonly", "true");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyFineGrained", "false");
        return p;
    }

    @Override
    public List<Span> entities(ConllDocument document) {
        Annotation annotation = new Annotation(document.text());
        pipeline().annotate(annotation);
        return CoreNlpBaseline.entitySpans(annotation, CoreNlpLanguageBaseline::conllType);
    }

    /**
     * The labels of the stock models as CoNLL types: German and Spanish say PERSON/LOCATION/ORGANIZATION/MISC,
     * Italian PER/LOC/ORG, Chinese also GPE (a place), FACILITY and DEMONYM (not CoNLL entities here).
     */
    static String conllType(String label) {
        if (label == null) {
            return null;
        }
        return switch (label) {
            case "PER", "PERSON" -> "PER";
            case "ORG", "ORGANIZATION" -> "ORG";
            case "LOC", "LOCATION", "GPE" -> "LOC";
            case "MISC" -> "MISC";
            default -> null;
        };
    }
}
