package io.newsflow.enrichment.ner;

import io.newsflow.events.EntityType;

/** One span the tagger marked, before grouping: offsets are UTF-16 indices into the article text, end exclusive. */
public record RawMention(EntityType type, String text, int start, int end) {
}
