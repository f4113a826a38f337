package io.newsflow.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the ingest service ({@code newsflow.ingest.*} in application.properties or env). */
@ConfigMapping(prefix = "newsflow.ingest")
public interface IngestConfig {

    /**
     * Accepted API keys, comma separated. A key written {@code sha256:<hex>} is stored hashed; anything
     * else is taken as the key itself (from a secret or env). No key configured: every ingest call is 401.
     */
    Optional<List<String>> apiKeys();

    /** Largest request body accepted, in bytes (the 413 limit), counted while the body arrives. */
    @WithDefault("5242880")
    long maxBodyBytes();

    /** Most lines one NDJSON batch may hold. */
    @WithDefault("10000")
    int maxBatchLines();

    /** How long to wait for Kafka's acknowledgement before answering 503. */
    @WithDefault("15s")
    Duration publishTimeout();

    /** Seconds clients are asked to wait (Retry-After) when the broker is unavailable. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** Per-key rate on the ingest endpoints, counted in articles (a batch of N lines takes N). */
    RateLimit rateLimit();

    interface RateLimit {
        /** Sustained articles one API key may send per {@link #period()} (0 switches the limit off). */
        @WithDefault("100")
        int requests();

        /** The period of {@link #requests()}. */
        @WithDefault("1s")
        Duration period();

        /** Articles a key may send at once before the sustained rate applies; also the largest batch it can send. */
        @WithDefault("200")
        int burst();
    }
}
