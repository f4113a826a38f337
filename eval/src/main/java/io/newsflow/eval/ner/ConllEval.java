package io.newsflow.eval.ner;

import io.newsflow.eval.util.Prf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Entity scoring with the rules of CoNLL's {@code conlleval} script: chunks start and end where conlleval's
 * {@code startOfChunk}/{@code endOfChunk} say (so an {@code I-X} after {@code O} or after another type starts a
 * chunk), a sentence boundary ends every chunk, and a guessed chunk is correct only when its first token, last
 * token and type all equal a gold chunk's. Precision = correct / guessed chunks, recall = correct / gold chunks.
 *
 * <p>Not thread-safe: one instance per (data set, system); {@link #add} one sentence at a time.
 */
public final class ConllEval {

    private final Map<String, int[]> byType = new TreeMap<>(); // type -> {correct, guessed, gold}
    private int tokens;
    private int correctTags;

    /** Scores one sentence; both lists hold one tag per token. */
    public void add(List<String> gold, List<String> guessed) {
        if (gold.size() != guessed.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " tags, guessed " + guessed.size());
        }
        List<Chunk> goldChunks = chunks(gold);
        List<Chunk> guessedChunks = chunks(guessed);
        Set<Chunk> goldSet = new HashSet<>(goldChunks);
        for (Chunk c : goldChunks) {
            counts(c.type())[2]++;
        }
        for (Chunk c : guessedChunks) {
            int[] n = counts(c.type());
            n[1]++;
            if (goldSet.contains(c)) {
                n[0]++;
            }
        }
        for (int i = 0; i < gold.size(); i++) {
            tokens++;
            if (gold.get(i).equals(guessed.get(i))) {
                correctTags++;
            }
        }
    }

    private int[] counts(String type) {
        return byType.computeIfAbsent(type, t -> new int[3]);
    }

    /** All types together. */
    public Prf overall() {
        int correct = 0;
        int guessed = 0;
        int gold = 0;
        for (int[] n : byType.values()) {
            correct += n[0];
            guessed += n[1];
            gold += n[2];
        }
        return new Prf(correct, guessed, gold);
    }

    /** One type (zero counts when the type never occurred). */
    public Prf type(String type) {
        int[] n = byType.getOrDefault(type, new int[3]);
        return new Prf(n[0], n[1], n[2]);
    }

    /** The types seen in gold or guesses, sorted. */
    public Set<String> types() {
        return byType.keySet();
    }

    /** Token accuracy as conlleval prints it (tags equal, O included). */
    public double tokenAccuracy() {
        return tokens == 0 ? 0 : (double) correctTags / tokens;
    }

    /** The chunks of one sentence, by conlleval's rules. */
    public static List<Chunk> chunks(List<String> tags) {
        List<Chunk> chunks = new ArrayList<>();
        String prevTag = "O";
        String prevType = "";
        int start = -1;
        for (int i = 0; i <= tags.size(); i++) {
            // past the last token: the sentence boundary, which conlleval reads as an O
            String label = i < tags.size() ? tags.get(i) : "O";
            String tag = tagOf(label);
            String type = typeOf(label);
            if (start >= 0 && endOfChunk(prevTag, tag, prevType, type)) {
                chunks.add(new Chunk(start, i, prevType));
                start = -1;
            }
            if (startOfChunk(prevTag, tag, prevType, type)) {
                start = i;
            }
            prevTag = tag;
            prevType = type;
        }
        return chunks;
    }

    static String tagOf(String label) {
        int dash = label.indexOf('-');
        return dash < 0 ? label : label.substring(0, dash);
    }

    static String typeOf(String label) {
        int dash = label.indexOf('-');
        return dash < 0 ? "" : label.substring(dash + 1);
    }

    /** conlleval's endOfChunk: does a chunk end between the previous token and this one? */
    static boolean endOfChunk(String prevTag, String tag, String prevType, String type) {
        boolean end = false;
        if (prevTag.equals("B") && (tag.equals("B") || tag.equals("O") || tag.equals("S"))) {
            end = true;
        }
        if (prevTag.equals("I") && (tag.equals("B") || tag.equals("O") || tag.equals("S"))) {
            end = true;
        }
        if (prevTag.equals("E") || prevTag.equals("S")) {
            end = true;
        }
        if (!prevTag.equals("O") && !prevTag.equals(".") && !prevType.equals(type)) {
            end = true;
        }
        return end;
    }

    /** conlleval's startOfChunk: does a chunk start at this token? */
    static boolean startOfChunk(String prevTag, String tag, String prevType, String type) {
        boolean start = false;
        if (tag.equals("B") || tag.equals("S")) {
            start = true;
        }
        if ((prevTag.equals("E") || prevTag.equals("S") || prevTag.equals("O")) && (tag.equals("E") || tag.equals("I"))) {
            start = true;
        }
        if (!tag.equals("O") && !tag.equals(".") && !prevType.equals(type)) {
            start = true;
        }
        return start;
    }
}
