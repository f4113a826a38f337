package io.newsflow.eval.util;

/**
 * Counts behind a precision/recall/F1 figure.
 *
 * @param correct  matches (the numerator of both precision and recall)
 * @param system   what the system produced (the denominator of precision)
 * @param gold     what the gold data holds (the denominator of recall)
 */
public record Prf(int correct, int system, int gold) {

    public double precision() {
        return system == 0 ? 0 : (double) correct / system;
    }

    public double recall() {
        return gold == 0 ? 0 : (double) correct / gold;
    }

    public double f1() {
        return f1(precision(), recall());
    }

    public static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public Prf plus(Prf other) {
        return new Prf(correct + other.correct, system + other.system, gold + other.gold);
    }
}
