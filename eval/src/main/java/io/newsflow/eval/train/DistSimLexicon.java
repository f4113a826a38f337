package io.newsflow.eval.train;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.SeqClassifierFlags;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The word clusters (distributional-similarity classes, "distsim") of a stock CoreNLP NER model, to train our own
 * models with. CoreNLP ships the clusters only inside its models (the NERFeatureFactory keeps its lexicon, word ->
 * class, in a private field that is serialized with the model), so they are read from there, written in the
 * {@code alexClark} file format ({@code word class} per line) that {@code distSimLexicon} reads, and the training
 * gets the stock model's distsim settings.
 *
 * @param source the model the lexicon comes from
 * @param classes normalised word (as the stock model looks words up: lower-cased unless {@code casedDistSim}) ->
 *                class
 * @param flags   the stock model's settings
 */
public record DistSimLexicon(String source, Map<String, String> classes, SeqClassifierFlags flags) {

    /** Loads a CoreNLP CRF model (a classpath resource or a file) and takes its lexicon. */
    public static DistSimLexicon fromModel(String model) throws IOException {
        return of(StockNerModel.load(model), model);
    }

    /** @throws IllegalArgumentException when the model was trained without distsim classes */
    @SuppressWarnings("unchecked")
    static DistSimLexicon of(CRFClassifier<?> crf, String source) {
        if (!crf.flags.useDistSim) {
            throw new IllegalArgumentException(source + " was trained without distsim classes (useDistSim=false)");
        }
        NERFeatureFactory<?> factory = StockNerModel.featureFactory(crf, source);
        if (StockNerModel.field(factory, NERFeatureFactory.class, "lexicon") instanceof Map<?, ?> lexicon) {
            return new DistSimLexicon(source, new TreeMap<>((Map<String, String>) lexicon), crf.flags);
        }
        throw new IllegalArgumentException(source + " has useDistSim=true but no distsim lexicon inside");
    }

    /** The word as the lexicon holds it (what NERFeatureFactory does to a token before looking it up). */
    public String normalise(String word) {
        String key = flags.casedDistSim ? word : word.toLowerCase(Locale.ROOT);
        return flags.numberEquivalenceDistSim ? WordShapeClassifier.wordShape(key, WordShapeClassifier.WORDSHAPEDIGITS) : key;
    }

    /** Only the entries of these words (normalised here): a smaller lexicon, so a smaller model. */
    public DistSimLexicon restrictedTo(Collection<String> words) {
        Map<String, String> kept = new TreeMap<>();
        for (String word : words) {
            String key = normalise(word);
            String wordClass = classes.get(key);
            if (wordClass != null) {
                kept.put(key, wordClass);
            }
        }
        return new DistSimLexicon(source, kept, flags);
    }

    /** Writes {@code word class} lines; words with white space in them cannot be read back and are left out. */
    public void write(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> entry : classes.entrySet()) {
                if (!entry.getKey().isEmpty() && entry.getKey().codePoints().noneMatch(Character::isWhitespace)) {
                    w.write(entry.getKey() + " " + entry.getValue());
                    w.newLine();
                }
            }
        }
    }

    /**
     * CRFClassifier settings to train with the lexicon written to {@code file}: distsim on, read from that file, and
     * the stock model's distsim settings wherever the given properties do not set them already.
     */
    public Properties trainingProperties(Properties coreNlp, Path file) {
        Properties props = new Properties();
        props.putAll(coreNlp);
        props.setProperty("useDistSim", "true");
        props.setProperty("distSimLexicon", file.toString());
        props.setProperty("distSimFileFormat", "alexClark");
        props.putIfAbsent("casedDistSim", String.valueOf(flags.casedDistSim));
        props.putIfAbsent("numberEquivalenceDistSim", String.valueOf(flags.numberEquivalenceDistSim));
        if (flags.unknownWordDistSimClass != null) {
            props.putIfAbsent("unknownWordDistSimClass", flags.unknownWordDistSimClass);
        }
        return props;
    }
}
