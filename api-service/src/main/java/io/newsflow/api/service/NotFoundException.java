package io.newsflow.api.service;

/** The article or entity asked for is not stored; answered with 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
