package io.newsflow.events;

/** Kafka topic names of the contract. */
public final class Topics {
    public static final String RAW = "articles.raw";
    public static final String ENRICHED = "articles.enriched";
    public static final String RAW_DLQ = "articles.raw.dlq";
    public static final String ENRICHED_DLQ = "articles.enriched.dlq";

    private Topics() {
    }
}
