package io.newsflow.articles;

import io.newsflow.events.Problem.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/** The submission cannot be accepted; the message and field errors go to the client as a 400. */
public class InvalidSubmissionException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidSubmissionException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public InvalidSubmissionException(String message) {
        this(message, List.of());
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A one-line summary for batch results. */
    public String summary() {
        return errors.isEmpty() ? getMessage()
                : errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
