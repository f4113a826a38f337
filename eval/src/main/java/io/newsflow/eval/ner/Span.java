package io.newsflow.eval.ner;

/** A typed character span [start, end) of a document's text; type is a CoNLL type (PER, ORG, LOC, MISC). */
public record Span(int start, int end, String type) {
}
