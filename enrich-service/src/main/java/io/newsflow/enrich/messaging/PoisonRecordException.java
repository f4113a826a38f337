package io.newsflow.enrich.messaging;

/** A raw record that can never be enriched (bad JSON, unknown schema version): it goes to the DLQ. */
public class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
