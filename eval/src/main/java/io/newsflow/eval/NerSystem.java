package io.newsflow.eval;

import io.newsflow.eval.ner.ConllDocument;
import io.newsflow.eval.ner.Span;

import java.util.List;

/** A system whose named entities are scored. Implementations are thread-safe: documents are processed in parallel. */
public interface NerSystem {

    /** Short name for tables and JSON keys. */
    String name();

    /** Entity mentions in {@code document.text()}, typed PER/ORG/LOC/MISC. */
    List<Span> entities(ConllDocument document);
}
