package io.newsflow.ingest.security;

import io.newsflow.events.ApiKeySet;
import io.newsflow.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/** The configured ingest keys ({@code newsflow.ingest.api-keys}), hashed, compared in constant time, never logged. */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final ApiKeySet keys;

    public ApiKeys(IngestConfig config) {
        this.keys = new ApiKeySet(config.apiKeys().orElse(List.of()));
        if (keys.isEmpty()) {
            LOG.warn("No ingest API key is configured (newsflow.ingest.api-keys / NEWSFLOW_API_KEY): every ingest request will get 401.");
        }
    }

    public boolean accepts(String presented) {
        return keys.accepts(presented);
    }

    /** The key's identity (a digest prefix, safe to log) if it is one of ours. */
    public Optional<String> identify(String presented) {
        return keys.identify(presented);
    }
}
