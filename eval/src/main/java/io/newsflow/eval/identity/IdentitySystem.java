package io.newsflow.eval.identity;

import java.util.List;

/** A system whose entity keys are scored on the identity set. Thread-safe: documents are processed in parallel. */
public interface IdentitySystem {

    /** Short name for tables and JSON keys. */
    String name();

    /** The entity mentions found in {@code document.text()}, each with its entity's key and link. */
    List<KeyedMention> keyedMentions(IdentityDocument document);
}
