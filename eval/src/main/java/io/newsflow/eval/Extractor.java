package io.newsflow.eval;

import io.newsflow.eval.timex.TimexSpan;
import io.newsflow.eval.timex.TmlDocument;

import java.util.List;

/** A system under evaluation for entities and time expressions. Thread-safe, as {@link NerSystem}. */
public interface Extractor extends NerSystem {

    /** Time expressions in {@code document.text()}, with {@code document.dct()} as the reference date. */
    List<TimexSpan> timexes(TmlDocument document);
}
