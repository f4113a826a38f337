package io.newsflow.ingest.messaging;

/**
 * Kafka refused the record as larger than its limits (producer {@code max.request.size}, broker
 * {@code message.max.bytes}): the article itself is the problem, so retrying cannot help (413, never 503).
 */
public class ArticleTooLargeException extends RuntimeException {
    public ArticleTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
