package io.newsflow.api.security;

import io.newsflow.api.ApiConfig;
import io.newsflow.support.security.ApiKeySet;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * Who may read: everyone when no read key is configured (the default), else callers presenting a read key as
 * {@code Authorization: Bearer}, {@code X-API-Key}, or (browsers, which cannot add headers to an EventSource)
 * the HttpOnly session cookie set by {@code POST /session}.
 */
@ApplicationScoped
public class ReadAccess {

    /** The cookie the web UI signs in with. */
    public static final String COOKIE = "newsflow_read_key";

    private final ApiKeySet keys;
    private final WriteAccess writers;

    public ReadAccess(ApiConfig config, WriteAccess writers) {
        this.keys = new ApiKeySet(config.readKeys().orElse(List.of()));
        this.writers = writers;
    }

    public boolean required() {
        return !keys.isEmpty();
    }

    public boolean allows(String authorization, String apiKeyHeader, String cookie) {
        if (!required()) {
            return true;
        }
        String presented = ApiKeySet.presented(authorization, apiKeyHeader);
        return keys.accepts(presented) || keys.accepts(cookie) || writers.isWriteKey(presented); // a write key reads too
    }

    public Optional<String> identify(String key) {
        return keys.identify(key);
    }
}
