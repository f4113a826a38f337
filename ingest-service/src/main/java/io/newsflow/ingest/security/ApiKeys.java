package io.newsflow.ingest.security;

import io.newsflow.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured ingest keys, held only as SHA-256 digests and compared in constant time, so neither
 * memory dumps nor response timing give a key away. Keys are never logged.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final String HASHED_PREFIX = "sha256:";

    private final List<byte[]> digests;

    public ApiKeys(IngestConfig config) {
        this.digests = config.apiKeys().orElse(List.of()).stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .map(k -> k.startsWith(HASHED_PREFIX) ? HexFormat.of().parseHex(k.substring(HASHED_PREFIX.length())) : sha256(k))
                .toList();
        if (digests.isEmpty()) {
            LOG.warn("No ingest API key is configured (newsflow.ingest.api-keys / NEWSFLOW_API_KEY): every ingest request will get 401.");
        }
    }

    public boolean accepts(String presented) {
        return identify(presented).isPresent();
    }

    /**
     * The key's identity if it is one of ours: the first 12 hex digits of its SHA-256 digest, safe to use in
     * logs and rate-limit buckets (it does not give the key away).
     */
    public Optional<String> identify(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] candidate = sha256(presented);
        byte[] matched = null;
        for (byte[] digest : digests) {
            if (MessageDigest.isEqual(digest, candidate)) { // no early exit: same time whichever key matches
                matched = digest;
            }
        }
        return matched == null ? Optional.empty() : Optional.of(HexFormat.of().formatHex(matched, 0, 6));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
