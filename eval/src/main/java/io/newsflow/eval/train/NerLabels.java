package io.newsflow.eval.train;

import java.util.ArrayList;
import java.util.List;

/** Conversions between the gold IOB2 tags and the label scheme a model is trained with. */
public final class NerLabels {

    /** IO: the bare type on every token of a mention; IOB2: B-TYPE on its first token, I-TYPE on the others. */
    public enum Scheme { IO, IOB2 }

    private NerLabels() {
    }

    /** The training label of one gold IOB2 tag. */
    public static String toTrainingLabel(String iob2, Scheme scheme) {
        if (scheme == Scheme.IOB2 || iob2.equals("O")) {
            return iob2;
        }
        return iob2.startsWith("B-") || iob2.startsWith("I-") ? iob2.substring(2) : iob2;
    }

    /**
     * A model's output as IOB2, for scoring against gold: with IO labels every run of one type becomes one
     * mention (IO cannot tell two adjacent mentions of the same type apart).
     */
    public static List<String> toIob2(List<String> labels, Scheme scheme) {
        if (scheme == Scheme.IOB2) {
            return labels;
        }
        List<String> tags = new ArrayList<>(labels.size());
        String previous = "O";
        for (String label : labels) {
            tags.add(label.equals("O") ? "O" : (label.equals(previous) ? "I-" : "B-") + label);
            previous = label;
        }
        return tags;
    }
}
