package io.newsflow.api.security;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A read key and a write key configured: the test profile of the tests of keys and of what they allow
 * ({@code ReadKeyTest}, {@code CurationTest}). One profile for them all, so that Quarkus starts once for them, not
 * once each.
 */
public class ReadAndWriteKeys implements QuarkusTestProfile {

    public static final String READ_KEY = "curation-read-key";
    public static final String WRITE_KEY = "curation-write-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("newsflow.api.read-keys", READ_KEY, "newsflow.api.write-keys", WRITE_KEY);
    }
}
