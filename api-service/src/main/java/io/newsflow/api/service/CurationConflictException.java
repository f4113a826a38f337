package io.newsflow.api.service;

/** A correction that cannot be made in the entity index's present state (into itself, a cycle, an undo a later one needs); 409. */
public class CurationConflictException extends RuntimeException {
    public CurationConflictException(String message) {
        super(message);
    }
}
