package io.newsflow.events;

/**
 * A Kafka record that no retry can process (not JSON, a schema version from the future, missing fields):
 * consumers let it fail so that it goes to the dead-letter topic with this message as its reason.
 */
public class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
