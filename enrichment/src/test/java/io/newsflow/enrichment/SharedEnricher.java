package io.newsflow.enrichment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** One enricher for all test classes of the run: the models load once (a few seconds). */
public final class SharedEnricher {

    /** "Now" for tests: articles without receivedAt are received at this instant. */
    public static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private SharedEnricher() {
    }

    private static final class Holder {
        static final Enricher INSTANCE = new Enricher(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public static Enricher get() {
        return Holder.INSTANCE;
    }
}
