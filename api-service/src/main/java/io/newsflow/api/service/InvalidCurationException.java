package io.newsflow.api.service;

/** A correction whose request names something the entity does not have (a split alias it lacks); 400 naming the field. */
public class InvalidCurationException extends RuntimeException {

    private final String field;

    public InvalidCurationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
