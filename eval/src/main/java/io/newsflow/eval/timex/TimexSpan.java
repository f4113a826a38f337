package io.newsflow.eval.timex;

/** A time expression: character span [start, end) of the document text, TIMEX3 type and value. */
public record TimexSpan(int start, int end, String type, String value, String text) {

    public boolean overlaps(TimexSpan other) {
        return start < other.end && other.start < end;
    }

    public int overlap(TimexSpan other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }

    public boolean sameSpan(TimexSpan other) {
        return start == other.start && end == other.end;
    }
}
