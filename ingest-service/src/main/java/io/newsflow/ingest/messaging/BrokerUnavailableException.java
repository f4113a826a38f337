package io.newsflow.ingest.messaging;

/** Kafka did not acknowledge a record in time: the client must retry (503 with Retry-After). */
public class BrokerUnavailableException extends RuntimeException {
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
