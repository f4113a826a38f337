package io.newsflow.events;

/** An event on a Newsflow topic: every record carries its article id and schemaVersion. */
public interface VersionedEvent {
    int schemaVersion();

    String id();
}
