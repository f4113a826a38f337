package io.newsflow.eval.train;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Reading resources out of a stock CoreNLP NER model: CoreNLP ships its word clusters and gazetteers only inside
 * its models, in private fields of the model's {@link NERFeatureFactory}, which are serialized with it.
 */
final class StockNerModel {

    private StockNerModel() {
    }

    /** Loads a CoreNLP CRF model (a classpath resource or a file). */
    static CRFClassifier<CoreLabel> load(String model) throws IOException {
        try {
            return CRFClassifier.getClassifier(model);
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot read the CoreNLP model " + model + ": " + e, e);
        }
    }

    /** The model's NERFeatureFactory. */
    static NERFeatureFactory<?> featureFactory(CRFClassifier<?> crf, String source) {
        for (Object factory : (List<?>) field(crf, AbstractSequenceClassifier.class, "featureFactories")) {
            if (factory instanceof NERFeatureFactory<?> ner) {
                return ner;
            }
        }
        throw new IllegalArgumentException(source + " has no NERFeatureFactory");
    }

    /** A private field's value. */
    static Object field(Object owner, Class<?> declaring, String name) {
        try {
            Field field = declaring.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this CoreNLP version keeps " + declaring.getSimpleName() + "." + name
                    + " elsewhere: " + e, e);
        }
    }
}
