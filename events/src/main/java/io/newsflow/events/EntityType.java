package io.newsflow.events;

/** The entity types of the contract (CoNLL classes). */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION, MISC;

    /** The prefix used in canonical keys, e.g. {@code person}. */
    public String keyPrefix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
