package io.newsflow.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A set of API keys, held only as SHA-256 digests and compared in constant time, so neither memory dumps nor
 * response timing give a key away. Both services that take keys (ingest, and the query API when its read key
 * is configured) use it; keys are never logged, only {@link #identify identities}.
 */
public final class ApiKeySet {

    private static final String HASHED_PREFIX = "sha256:";

    private final List<byte[]> digests;

    /** @param configured keys as given in configuration: the key itself, or {@code sha256:<hex>} of it */
    public ApiKeySet(Collection<String> configured) {
        this.digests = configured.stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .map(k -> k.startsWith(HASHED_PREFIX) ? HexFormat.of().parseHex(k.substring(HASHED_PREFIX.length())) : sha256(k))
                .toList();
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }

    /**
     * The key's identity if it is one of ours: the first 12 hex digits of its SHA-256 digest, safe to use in
     * logs, metrics and rate-limit buckets (it does not give the key away).
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

    /**
     * The label of a key for records and stored articles: {@code sha256:} and its {@link #identify identity}, the start
     * of the digest an operator can configure instead of the key, so the key behind a label can be found, not guessed.
     */
    public static String label(String identity) {
        return HASHED_PREFIX + identity;
    }

    public boolean accepts(String presented) {
        return identify(presented).isPresent();
    }

    /**
     * The key a request presents: {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}.
     *
     * @return the key, or null
     */
    public static String presented(String authorizationHeader, String apiKeyHeader) {
        if (authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorizationHeader.substring(7).strip();
        }
        return apiKeyHeader;
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
