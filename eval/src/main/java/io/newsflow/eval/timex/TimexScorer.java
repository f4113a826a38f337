package io.newsflow.eval.timex;

import io.newsflow.eval.util.Prf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * TempEval-3 style scoring of time expressions. Gold and system spans of a document are paired one to one:
 * exact span matches first, then the remaining overlapping pairs, largest overlap first. Then
 * <ul>
 *   <li>strict: exact pairs over system spans (precision) and over gold spans (recall);</li>
 *   <li>relaxed: all pairs (exact or overlapping);</li>
 *   <li>value: pairs whose system value equals the gold value exactly;</li>
 *   <li>type accuracy: pairs with the gold type, over all pairs.</li>
 * </ul>
 *
 * <p>Thread-safe ({@link #add} is synchronized).
 */
public final class TimexScorer {

    /** A gold span paired with a system span (either may be null for unpaired ones). */
    public record Pair(TimexSpan gold, TimexSpan system, boolean exact) {
    }

    /** One document's pairing. */
    public record Pairing(List<Pair> pairs, List<TimexSpan> missed, List<TimexSpan> spurious) {
    }

    /** A document's pairs and unpaired spans, for error listings. */
    public record DocumentResult(String documentId, String text, Pairing pairing) {
    }

    private int gold;
    private int system;
    private int strict;
    private int relaxed;
    private int value;
    private int type;
    private final List<DocumentResult> documents = new ArrayList<>();

    /** Pairs one document's spans: exact first, then overlaps (largest overlap, then leftmost, first). */
    public static Pairing pair(List<TimexSpan> goldSpans, List<TimexSpan> systemSpans) {
        List<Pair> pairs = new ArrayList<>();
        boolean[] goldUsed = new boolean[goldSpans.size()];
        boolean[] systemUsed = new boolean[systemSpans.size()];
        for (int g = 0; g < goldSpans.size(); g++) {
            for (int s = 0; s < systemSpans.size(); s++) {
                if (!systemUsed[s] && goldSpans.get(g).sameSpan(systemSpans.get(s))) {
                    pairs.add(new Pair(goldSpans.get(g), systemSpans.get(s), true));
                    goldUsed[g] = true;
                    systemUsed[s] = true;
                    break;
                }
            }
        }
        List<int[]> candidates = new ArrayList<>();
        for (int g = 0; g < goldSpans.size(); g++) {
            for (int s = 0; s < systemSpans.size(); s++) {
                if (!goldUsed[g] && !systemUsed[s] && goldSpans.get(g).overlaps(systemSpans.get(s))) {
                    candidates.add(new int[]{g, s, goldSpans.get(g).overlap(systemSpans.get(s))});
                }
            }
        }
        candidates.sort(Comparator.<int[]>comparingInt(c -> -c[2])
                .thenComparingInt(c -> goldSpans.get(c[0]).start())
                .thenComparingInt(c -> systemSpans.get(c[1]).start()));
        for (int[] c : candidates) {
            if (!goldUsed[c[0]] && !systemUsed[c[1]]) {
                pairs.add(new Pair(goldSpans.get(c[0]), systemSpans.get(c[1]), false));
                goldUsed[c[0]] = true;
                systemUsed[c[1]] = true;
            }
        }
        pairs.sort(Comparator.comparingInt(p -> p.gold().start()));
        List<TimexSpan> missed = new ArrayList<>();
        for (int g = 0; g < goldSpans.size(); g++) {
            if (!goldUsed[g]) {
                missed.add(goldSpans.get(g));
            }
        }
        List<TimexSpan> spurious = new ArrayList<>();
        for (int s = 0; s < systemSpans.size(); s++) {
            if (!systemUsed[s]) {
                spurious.add(systemSpans.get(s));
            }
        }
        return new Pairing(pairs, missed, spurious);
    }

    /** Scores one document. */
    public synchronized Pairing add(String documentId, String text, List<TimexSpan> goldSpans, List<TimexSpan> systemSpans) {
        Pairing pairing = pair(goldSpans, systemSpans);
        gold += goldSpans.size();
        system += systemSpans.size();
        for (Pair p : pairing.pairs()) {
            relaxed++;
            if (p.exact()) {
                strict++;
            }
            if (Objects.equals(p.gold().value(), p.system().value())) {
                value++;
            }
            if (Objects.equals(p.gold().type(), p.system().type())) {
                type++;
            }
        }
        documents.add(new DocumentResult(documentId, text, pairing));
        return pairing;
    }

    public synchronized Prf strict() {
        return new Prf(strict, system, gold);
    }

    public synchronized Prf relaxed() {
        return new Prf(relaxed, system, gold);
    }

    public synchronized Prf value() {
        return new Prf(value, system, gold);
    }

    /** Pairs with the gold type over all pairs (0 when nothing paired). */
    public synchronized double typeAccuracy() {
        return relaxed == 0 ? 0 : (double) type / relaxed;
    }

    public synchronized int typeCorrect() {
        return type;
    }

    public synchronized List<DocumentResult> documents() {
        return List.copyOf(documents);
    }
}
