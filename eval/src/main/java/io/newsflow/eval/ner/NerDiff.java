package io.newsflow.eval.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classifies the entity errors of a system (for error analysis; the scores come from {@link ConllEval}):
 * for every gold chunk not found exactly, {@code TYPE} (same span, other type), {@code BOUNDARY} (overlapping
 * guess of the same type), {@code BOUNDARY+TYPE} (overlapping guess of another type) or {@code MISSED} (no
 * overlapping guess); every guess that overlaps no gold chunk is {@code SPURIOUS}.
 */
public final class NerDiff {

    public enum Kind { MISSED, TYPE, BOUNDARY, BOUNDARY_TYPE, SPURIOUS }

    /** One error, with the sentence for context. */
    public record Error(String documentId, Kind kind, String goldType, String gold, String systemType, String system,
                        String sentence) {
    }

    private final List<Error> errors = new ArrayList<>();
    private final Map<String, Map<Kind, Integer>> byType = new TreeMap<>();

    /** @param separator what joins the tokens in the listings: a space, or nothing for Chinese characters */
    public synchronized void add(String documentId, List<String> tokens, String separator, List<String> gold,
                                 List<String> guessed) {
        List<Chunk> goldChunks = ConllEval.chunks(gold);
        List<Chunk> guessedChunks = ConllEval.chunks(guessed);
        String sentence = String.join(separator, tokens);
        for (Chunk g : goldChunks) {
            if (guessedChunks.contains(g)) {
                continue;
            }
            Chunk sameSpan = null;
            Chunk sameType = null;
            Chunk other = null;
            for (Chunk s : guessedChunks) {
                if (!s.overlaps(g)) {
                    continue;
                }
                if (s.sameSpan(g)) {
                    sameSpan = s;
                } else if (s.type().equals(g.type()) && sameType == null) {
                    sameType = s;
                } else if (other == null) {
                    other = s;
                }
            }
            Kind kind;
            Chunk s;
            if (sameSpan != null) {
                kind = Kind.TYPE;
                s = sameSpan;
            } else if (sameType != null) {
                kind = Kind.BOUNDARY;
                s = sameType;
            } else if (other != null) {
                kind = Kind.BOUNDARY_TYPE;
                s = other;
            } else {
                kind = Kind.MISSED;
                s = null;
            }
            record(documentId, kind, g.type(), text(tokens, separator, g), s == null ? "" : s.type(), s == null ? "" : text(tokens, separator, s), sentence);
        }
        for (Chunk s : guessedChunks) {
            if (goldChunks.stream().noneMatch(s::overlaps)) {
                record(documentId, Kind.SPURIOUS, "", "", s.type(), text(tokens, separator, s), sentence);
            }
        }
    }

    private void record(String documentId, Kind kind, String goldType, String gold, String systemType, String system,
                        String sentence) {
        errors.add(new Error(documentId, kind, goldType, gold, systemType, system, sentence));
        String key = kind == Kind.SPURIOUS ? systemType : goldType;
        byType.computeIfAbsent(key, k -> new TreeMap<>()).merge(kind, 1, Integer::sum);
    }

    private static String text(List<String> tokens, String separator, Chunk c) {
        return String.join(separator, tokens.subList(c.start(), c.end()));
    }

    public synchronized List<Error> errors() {
        return List.copyOf(errors);
    }

    /** Error counts by type (the gold type; the guessed type for SPURIOUS) and kind. */
    public synchronized int count(String type, Kind kind) {
        return byType.getOrDefault(type, Map.of()).getOrDefault(kind, 0);
    }
}
