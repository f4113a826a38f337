package io.newsflow.ingest.service;

/** The body's media type or charset is not one ingest reads; the message goes to the client as a 415. */
public class UnsupportedMediaTypeException extends RuntimeException {

    public UnsupportedMediaTypeException(String message) {
        super(message);
    }
}
