package io.newsflow.support.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySetTest {

    @Test
    void plainAndHashedKeysAreAcceptedAndIdentifiedWithoutGivingThemAway() {
        // sha256("test")
        ApiKeySet keys = new ApiKeySet(List.of(" secret-one ", "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", ""));
        assertThat(keys.accepts("secret-one")).isTrue();
        assertThat(keys.accepts("test")).isTrue();
        assertThat(keys.accepts("Test")).isFalse();
        assertThat(keys.accepts("")).isFalse();
        assertThat(keys.accepts(null)).isFalse();
        assertThat(keys.identify("test")).contains("9f86d081884c");
        assertThat(keys.identify("secret-one").orElseThrow()).hasSize(12).doesNotContain("secret");
        assertThat(keys.isEmpty()).isFalse();
        assertThat(new ApiKeySet(List.of(" ")).isEmpty()).isTrue();
    }

    @Test
    void aKeysLabelIsTheStartOfItsDigestNeverTheKey() {
        ApiKeySet keys = new ApiKeySet(List.of("secret-one", "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        assertThat(ApiKeySet.label(keys.identify("test").orElseThrow())).isEqualTo("sha256:9f86d081884c");
        assertThat(ApiKeySet.label(keys.identify("secret-one").orElseThrow())).matches("sha256:[0-9a-f]{12}").doesNotContain("secret");
    }

    @Test
    void keysArePresentedAsBearerOrXApiKey() {
        assertThat(ApiKeySet.presented("Bearer abc ", null)).isEqualTo("abc");
        assertThat(ApiKeySet.presented("bearer abc", "xyz")).isEqualTo("abc");
        assertThat(ApiKeySet.presented("Basic dXNlcg==", "xyz")).isEqualTo("xyz");
        assertThat(ApiKeySet.presented(null, null)).isNull();
    }
}
