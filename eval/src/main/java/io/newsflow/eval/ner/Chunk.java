package io.newsflow.eval.ner;

/** An entity chunk of one sentence: tokens [start, end) of one type (PER, ORG, LOC, MISC). */
public record Chunk(int start, int end, String type) {

    public boolean overlaps(Chunk other) {
        return start < other.end && other.start < end;
    }

    public boolean sameSpan(Chunk other) {
        return start == other.start && end == other.end;
    }
}
