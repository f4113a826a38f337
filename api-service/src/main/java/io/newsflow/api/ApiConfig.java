package io.newsflow.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Settings of the query API ({@code newsflow.api.*}). */
@ConfigMapping(prefix = "newsflow.api")
public interface ApiConfig {

    @WithDefault("20")
    int defaultLimit();

    @WithDefault("200")
    int maxLimit();

    /**
     * Keys for reading (same forms as the ingest keys: the key, or {@code sha256:<hex>}). None configured, the
     * default: the query API is open. Any configured: every query endpoint and the live stream need one.
     */
    Optional<List<String>> readKeys();

    /**
     * Keys for correcting the entity index (merge, split, rename, retype, reject, undo; same forms as the read keys).
     * None configured, the default: nobody may. A write key reads too.
     */
    Optional<List<String>> writeKeys();

    /**
     * Most clients of {@code GET /stream} at once on one instance; each holds a connection and a subscription for as
     * long as it stays. Beyond it: 503 + Retry-After.
     */
    @WithDefault("200")
    int maxStreamClients();
}
