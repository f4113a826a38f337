package io.newsflow.eval.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns character-span entity mentions into IOB2 tags over a document's gold tokens.
 *
 * <p>A token belongs to a mention when their character spans overlap. Mentions are taken from left to right
 * (the longer first at equal starts); a token already taken by an earlier mention stays with it. A mention's
 * first token in each sentence is {@code B-}, the following contiguous ones {@code I-} (a mention never
 * continues across a sentence boundary: CoNLL chunks cannot).
 */
public final class TagProjection {

    private TagProjection() {
    }

    public static List<List<String>> toIob2(ConllDocument document, List<Span> mentions) {
        int[][][] spans = document.tokenSpans();
        List<String[]> tags = new ArrayList<>();
        List<int[]> flat = new ArrayList<>(); // {sentence, token, begin, end} in text order
        for (int s = 0; s < spans.length; s++) {
            String[] sentenceTags = new String[spans[s].length];
            java.util.Arrays.fill(sentenceTags, "O");
            tags.add(sentenceTags);
            for (int t = 0; t < spans[s].length; t++) {
                flat.add(new int[]{s, t, spans[s][t][0], spans[s][t][1]});
            }
        }
        List<Span> ordered = new ArrayList<>(mentions);
        ordered.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        for (Span mention : ordered) {
            int first = firstEndingAfter(flat, mention.start());
            int previous = -1;
            for (int i = first; i < flat.size() && flat.get(i)[2] < mention.end(); i++) {
                int[] token = flat.get(i);
                if (token[3] <= mention.start()) {
                    continue;
                }
                String[] sentenceTags = tags.get(token[0]);
                if (!sentenceTags[token[1]].equals("O")) {
                    previous = -1;
                    continue;
                }
                boolean continues = previous >= 0 && previous == i - 1 && flat.get(previous)[0] == token[0];
                sentenceTags[token[1]] = (continues ? "I-" : "B-") + mention.type();
                previous = i;
            }
        }
        List<List<String>> out = new ArrayList<>();
        tags.forEach(t -> out.add(List.of(t)));
        return out;
    }

    /** Index of the first token whose end lies after {@code offset} (tokens are in text order). */
    private static int firstEndingAfter(List<int[]> flat, int offset) {
        int lo = 0;
        int hi = flat.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (flat.get(mid)[3] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
