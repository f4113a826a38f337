package io.newsflow.eval.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The training configuration of one language: {@code train-base.properties} with {@code train-LANG.properties}
 * on top (both in {@code io/newsflow/eval/ner/}), then any overrides. Keys under {@code newsflow.} are ours, every
 * other key goes to CoreNLP's CRFClassifier unchanged.
 *
 * @param trainFile      the training file, relative to the training data folder
 * @param model          the model's name: the file is {@code <model>.crf.ser.gz}
 * @param labels         the label scheme the model is trained with
 * @param pruneThreshold features whose weight spread over the labels is at most this are dropped after training
 * @param distSimFrom    a stock CoreNLP NER model whose word clusters (distsim lexicon) the training uses, or null
 * @param distSimWords   which of those words the lexicon keeps (it is serialized into the model)
 * @param gazetteFrom    a stock CoreNLP NER model whose gazetteer the training uses as per-word features, or null
 * @param coreNlp        CRFClassifier properties
 */
public record NerTrainingConfig(String language, String trainFile, String model, NerLabels.Scheme labels,
                                double pruneThreshold, String distSimFrom, DistSimWords distSimWords,
                                String gazetteFrom, Properties coreNlp) {

    /** ALL: the whole lexicon of {@code distSimFrom}; TRAINING: only the words of the training file. */
    public enum DistSimWords { ALL, TRAINING }

    static final String RESOURCE_DIR = "/io/newsflow/eval/ner/";
    private static final String PREFIX = "newsflow.";

    /** @throws IllegalArgumentException when there is no configuration for the language or a key is missing */
    public static NerTrainingConfig load(String language, Map<String, String> overrides) throws IOException {
        String lang = language.toLowerCase(Locale.ROOT);
        if (!lang.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("not a language code: '" + language + "'");
        }
        Properties all = new Properties();
        read(all, "train-base.properties");
        if (!read(all, "train-" + lang + ".properties")) {
            throw new IllegalArgumentException("no training configuration for '" + lang + "' (" + RESOURCE_DIR
                    + "train-" + lang + ".properties)");
        }
        overrides.forEach(all::setProperty);

        Properties coreNlp = new Properties();
        for (String key : all.stringPropertyNames()) {
            if (!key.startsWith(PREFIX)) {
                coreNlp.setProperty(key, all.getProperty(key));
            }
        }
        return new NerTrainingConfig(lang, required(all, "trainFile"), required(all, "model"),
                NerLabels.Scheme.valueOf(all.getProperty(PREFIX + "labels", "IO").toUpperCase(Locale.ROOT)),
                Double.parseDouble(all.getProperty(PREFIX + "pruneThreshold", "0")), optional(all, "distSimFrom"),
                DistSimWords.valueOf(all.getProperty(PREFIX + "distSimWords", "all").strip().toUpperCase(Locale.ROOT)),
                optional(all, "gazetteFrom"), coreNlp);
    }

    private static String required(Properties all, String key) {
        String value = all.getProperty(PREFIX + key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the training configuration lacks " + PREFIX + key);
        }
        return value.strip();
    }

    private static String optional(Properties all, String key) {
        String value = all.getProperty(PREFIX + key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean read(Properties into, String name) throws IOException {
        try (InputStream in = NerTrainingConfig.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                return false;
            }
            into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return true;
        }
    }
}
