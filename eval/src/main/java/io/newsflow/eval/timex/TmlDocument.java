package io.newsflow.eval.timex;

import java.util.List;

/**
 * One TimeML document: its text (tags removed, unescaped), the document creation time (a TIMEX3 value such as
 * {@code 2013-12-10}) and the gold TIMEX3 spans of the text.
 */
public record TmlDocument(String id, String dct, String text, List<TimexSpan> timexes) {

    public TmlDocument {
        timexes = List.copyOf(timexes);
    }
}
