package io.newsflow.eval.train;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the features of a trained CRFClassifier that change the label scores little or not at all: a feature whose
 * weights are the same for every label adds the same amount to every labelling, so with threshold 0 tagging is
 * exactly as before; a small positive threshold also drops features whose weights hardly differ between labels.
 *
 * <p>CoreNLP's own {@code dropFeaturesBelowThreshold} only rebuilds the feature index (it expects a retraining
 * after it, which would double the training time), so this does the same on the weights too, through the
 * classifier's package-private fields.
 */
public final class CrfModelPruner {

    private CrfModelPruner() {
    }

    /** @return the number of features kept */
    @SuppressWarnings("unchecked")
    public static int dropFlatFeatures(CRFClassifier<?> crf, double threshold) {
        try {
            Field weightsField = field("weights");
            Field indexField = field("featureIndex");
            Field mapField = field("map");
            float[][] weights = (float[][]) weightsField.get(crf);
            Index<String> featureIndex = (Index<String>) indexField.get(crf);
            int[] map = (int[]) mapField.get(crf);

            Index<String> keptIndex = new HashIndex<>();
            List<float[]> keptWeights = new ArrayList<>();
            List<Integer> keptTypes = new ArrayList<>();
            for (int f = 0; f < weights.length; f++) {
                if (spread(weights[f]) > threshold) {
                    keptIndex.add(featureIndex.get(f));
                    keptWeights.add(weights[f]);
                    if (map != null) { // only set while training; a loaded model derives it from the feature names
                        keptTypes.add(map[f]);
                    }
                }
            }
            weightsField.set(crf, keptWeights.toArray(new float[0][]));
            indexField.set(crf, keptIndex);
            if (map != null) {
                mapField.set(crf, keptTypes.stream().mapToInt(Integer::intValue).toArray());
            }
            // the potential function caches the old weights: tagging builds it again from the kept ones
            field("cliquePotentialFunction").set(crf, null);
            return keptIndex.size();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this CoreNLP version's CRFClassifier cannot be pruned: " + e, e);
        }
    }

    private static double spread(float[] labelWeights) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float w : labelWeights) {
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        return labelWeights.length == 0 ? 0 : max - min;
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field field = CRFClassifier.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
