package io.newsflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest key 'up' hands to ingest-service: from the environment, else kept in a file created once. */
class IngestKeyCommandTest {

    @TempDir
    Path home;

    private String key(Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Newsflow.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, env, false)
                .execute("ingest-key", "--file", home.resolve("api-key").toString());
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theKeptKeyIsCreatedOnceReadableByItsOwnerOnly() throws Exception {
        String first = key(Map.of());

        assertThat(first).matches("[0-9a-f]{48}\n");
        Path file = home.resolve("api-key");
        assertThat(Files.readString(file)).isEqualTo(first.strip());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(key(Map.of())).isEqualTo(first);
    }

    @Test
    void theEnvironmentWinsAndNothingIsCreated() {
        assertThat(key(Map.of("NEWSFLOW_API_KEY", "from-env"))).isEqualTo("from-env\n");
        assertThat(home.resolve("api-key")).doesNotExist();
    }

    @Test
    void aKeyKeptByHandIsUsedAsItIs() throws Exception {
        Files.writeString(home.resolve("api-key"), " my-key \n");

        assertThat(key(Map.of())).isEqualTo("my-key\n");
    }
}
