package io.newsflow.api.messaging;

/** A record that can never be stored (bad JSON, unknown schema version): it goes to the DLQ. */
public class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
