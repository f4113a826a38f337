package io.newsflow.api.security;

import io.newsflow.api.ApiConfig;
import io.newsflow.support.security.ApiKeySet;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * Who may correct the entity index: callers presenting a write key ({@code newsflow.api.write-keys}) as
 * {@code Authorization: Bearer}, {@code X-API-Key}, or (the web UI) the HttpOnly cookie set by
 * {@code POST /session/write}. Nobody when no write key is configured. The curation log names the key by its label.
 */
@ApplicationScoped
public class WriteAccess {

    /** The cookie the web UI keeps the write key in. */
    public static final String COOKIE = "newsflow_write_key";

    private final ApiKeySet keys;
    private final ApiKeySet readKeys;

    public WriteAccess(ApiConfig config) {
        this.keys = new ApiKeySet(config.writeKeys().orElse(List.of()));
        this.readKeys = new ApiKeySet(config.readKeys().orElse(List.of()));
    }

    public boolean isWriteKey(String key) {
        return keys.accepts(key);
    }

    /** The label of the write key the request presents (a header first, else the cookie); empty when it presents none. */
    public Optional<String> curator(String authorization, String apiKeyHeader, String cookie) {
        String presented = ApiKeySet.presented(authorization, apiKeyHeader);
        return keys.identify(presented).or(() -> keys.identify(cookie)).map(ApiKeySet::label);
    }

    /** Whether the request presents a read key that is not a write key: a caller who may read but not write. */
    public boolean readOnly(String authorization, String apiKeyHeader, String readCookie) {
        return readKeys.accepts(ApiKeySet.presented(authorization, apiKeyHeader)) || readKeys.accepts(readCookie);
    }
}
