package io.newsflow.eval.train;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The gazetteer (name lists) of a stock CoreNLP NER model, to train our own models with. CoreNLP's Italian model
 * keeps its Wikipedia lists of places, persons and organizations inside the model ("clean gazette" features: every
 * entry holding a word is checked against the words around it, which makes that model slow). They are read from
 * there and written in CoreNLP's gazette file format ({@code CLASS word word ...} per line); our training uses them
 * as "sloppy" gazette features: one hash look-up per token (the classes of the entries the word occurs in, with
 * their lengths), as fast as a word feature.
 *
 * @param source  the model the entries come from
 * @param entries {@code CLASS word word ...}, sorted
 */
public record Gazetteer(String source, SortedSet<String> entries) {

    /** Loads a CoreNLP CRF model (a classpath resource or a file) and takes its gazetteer. */
    public static Gazetteer fromModel(String model) throws IOException {
        return of(StockNerModel.load(model), model);
    }

    /** @throws IllegalArgumentException when the model was trained without gazette features */
    static Gazetteer of(CRFClassifier<?> crf, String source) {
        if (!crf.flags.useGazettes) {
            throw new IllegalArgumentException(source + " was trained without gazettes (useGazettes=false)");
        }
        NERFeatureFactory<?> factory = StockNerModel.featureFactory(crf, source);
        SortedSet<String> entries = new TreeSet<>();
        // clean gazettes: word -> every entry holding it, with the word's position; each entry once, at position 0
        for (Collection<?> infos : values(factory, "wordToGazetteInfos")) {
            for (Object info : infos) {
                if ((int) StockNerModel.field(info, info.getClass(), "loc") == 0) {
                    String feature = (String) StockNerModel.field(info, info.getClass(), "feature");
                    String[] words = (String[]) StockNerModel.field(info, info.getClass(), "words");
                    entries.add(feature.substring(0, feature.indexOf("-GAZ")) + " " + String.join(" ", words));
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(source + " has useGazettes=true but no clean gazette entries inside");
        }
        return new Gazetteer(source, entries);
    }

    @SuppressWarnings("unchecked")
    private static Collection<Collection<?>> values(NERFeatureFactory<?> factory, String field) {
        Object map = StockNerModel.field(factory, NERFeatureFactory.class, field);
        return map == null ? List.of() : ((Map<String, Collection<?>>) map).values();
    }

    public void write(Path file) throws IOException {
        Files.write(file, entries, StandardCharsets.UTF_8);
    }

    /** CRFClassifier settings to train with the gazetteer written to {@code file}, as sloppy (per-word) features. */
    public Properties trainingProperties(Properties coreNlp, Path file) {
        Properties props = new Properties();
        props.putAll(coreNlp);
        props.setProperty("useGazettes", "true");
        props.setProperty("sloppyGazette", "true");
        props.setProperty("cleanGazette", "false");
        props.setProperty("gazette", file.toString());
        return props;
    }
}
