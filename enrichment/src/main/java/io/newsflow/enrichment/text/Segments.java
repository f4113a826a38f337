package io.newsflow.enrichment.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into the pieces the NLP runs on: one per line (a line is a paragraph in our texts, and a
 * sentence never spans two), with very long lines cut at a sentence end, so memory stays bounded whatever
 * the article size.
 */
public final class Segments {

    /** A piece of the text and where it starts in it (UTF-16 index). */
    public record Segment(int offset, String text) {
    }

    /** Longest piece handed to the tokenizer; ~4,000 tokens. */
    public static final int MAX_CHARS = 20_000;

    private Segments() {
    }

    public static List<Segment> of(String text) {
        return of(text, MAX_CHARS);
    }

    static List<Segment> of(String text, int maxChars) {
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            addLine(text, start, end, maxChars, segments);
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return segments;
    }

    private static void addLine(String text, int start, int end, int maxChars, List<Segment> out) {
        while (end - start > maxChars) {
            int cut = cutPoint(text, start, start + maxChars);
            addIfNotBlank(text, start, cut, out);
            start = cut;
        }
        addIfNotBlank(text, start, end, out);
    }

    /** After the last ". " (or "! ", "? ") before the limit, else the last space, else the limit. */
    private static int cutPoint(String text, int start, int limit) {
        int space = -1;
        for (int i = limit - 1; i > start + 1; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                char before = text.charAt(i - 1);
                if (before == '.' || before == '!' || before == '?') {
                    return i + 1;
                }
                if (space < 0) {
                    space = i + 1;
                }
            }
        }
        if (space > 0) {
            return space;
        }
        // never cut a surrogate pair
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    private static void addIfNotBlank(String text, int start, int end, List<Segment> out) {
        String s = text.substring(start, end);
        if (!s.isBlank()) {
            out.add(new Segment(start, s));
        }
    }
}
