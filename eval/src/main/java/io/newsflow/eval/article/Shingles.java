package io.newsflow.eval.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction-benchmark metric (scrapinghub's {@code evaluate.py}): words are runs of letters, digits
 * and underscores (Python's Unicode {@code \w+}, case kept); a text's shingles are its word 4-grams as a multiset
 * (a text of 1-3 words is one shorter shingle); per page, tp/fp/fn are the multiset intersection and differences,
 * normalised by their sum; precision and recall are averaged over pages (precision over the pages where tp+fp &gt; 0,
 * recall where tp+fn &gt; 0) and F1 is computed from the two means.
 */
public final class Shingles {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    public static final int N = 4;

    private Shingles() {
    }

    /** Normalised true positives, false positives and false negatives of one page. */
    public record Counts(double tp, double fp, double fn) {

        /** The benchmark's precision_score. */
        public double precision() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            if (tp == 0 && fp == 0) {
                return 0;
            }
            return tp / (tp + fp);
        }

        /** The benchmark's recall_score. */
        public double recall() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            if (tp == 0 && fn == 0) {
                return 0;
            }
            return tp / (tp + fn);
        }
    }

    /** Mean precision, mean recall and the F1 of the two means, over {@code pages} pages. */
    public record Summary(double precision, double recall, double f1, int pages) {
    }

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    public static Map<List<String>, Integer> shingles(String text) {
        List<String> words = words(text);
        Map<List<String>, Integer> shingles = new HashMap<>();
        for (int i = 0; i < Math.max(1, words.size() - N + 1); i++) {
            List<String> shingle = words.subList(i, Math.min(words.size(), i + N));
            if (!shingle.isEmpty()) {
                shingles.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return shingles;
    }

    public static Counts match(String expected, String predicted) {
        Map<List<String>, Integer> truth = shingles(expected);
        Map<List<String>, Integer> guess = shingles(predicted);
        Set<List<String>> keys = new HashSet<>(truth.keySet());
        keys.addAll(guess.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> key : keys) {
            int t = truth.getOrDefault(key, 0);
            int p = guess.getOrDefault(key, 0);
            tp += Math.min(t, p);
            fp += Math.max(0, p - t);
            fn += Math.max(0, t - p);
        }
        double sum = tp + fp + fn;
        return sum > 0 ? new Counts(tp / sum, fp / sum, fn / sum) : new Counts(tp, fp, fn);
    }

    public static Summary summarize(List<Counts> pages) {
        double precision = pages.stream().filter(c -> c.tp() + c.fp() > 0).mapToDouble(Counts::precision).average().orElse(0);
        double recall = pages.stream().filter(c -> c.tp() + c.fn() > 0).mapToDouble(Counts::recall).average().orElse(0);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Summary(precision, recall, f1, pages.size());
    }
}
