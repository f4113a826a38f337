package io.newsflow.eval;

import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.ner.Span;
import io.newsflow.eval.timex.TimexSpan;
import io.newsflow.eval.timex.TmlDocument;

import java.util.List;

/** A system under evaluation. Implementations are thread-safe: documents are processed in parallel. */
public interface Extractor {

    /** Short name for tables and JSON keys. */
    String name();

    /** Entity mentions in {@code document.text()}, typed PER/ORG/LOC/MISC. */
    List<Span> entities(ConllDocument document);

    /** Time expressions in {@code document.text()}, with {@code document.dct()} as the reference date. */
    List<TimexSpan> timexes(TmlDocument document);
}
