package io.newsflow.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** What ./newsflow up's broker starts from: its configuration and its storage, formatted once. */
class LocalKafkaTest {

    private static final Path TEMPLATE = Path.of("..", "scripts", "kafka-server.properties");

    @TempDir
    Path home;

    @Test
    void theConfigurationIsTheTemplateWithThePortsAndTheDataFolder() throws Exception {
        Path file = LocalKafka.writeConfig(TEMPLATE, 19092, 19093, home);

        assertThat(file).isEqualTo(home.resolve("server.properties"));
        assertThat(Files.readString(file)).doesNotContainPattern("@[A-Z_]+@");
        Properties config = new Properties();
        try (var in = Files.newInputStream(file)) {
            config.load(in);
        }
        assertThat(config.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(config.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:19093");
        assertThat(config.getProperty("log.dirs")).isEqualTo(home.resolve("data").toAbsolutePath().toString());
        assertThat(home.resolve("data")).isDirectory();
    }

    @Test
    void theStorageIsFormattedOnceAndKeepsItsClusterId() throws Exception {
        Path config = LocalKafka.writeConfig(TEMPLATE, 19092, 19093, home);
        Path meta = home.resolve("data").resolve("meta.properties");

        LocalKafka.formatOnce(home, config);
        String clusterId = Files.readString(home.resolve("cluster-id")).strip();
        assertThat(clusterId).isNotBlank();
        assertThat(Files.readString(meta)).contains("cluster.id=" + clusterId);

        // formatted already: left as it is
        long formattedAt = Files.getLastModifiedTime(meta).toMillis();
        LocalKafka.formatOnce(home, config);
        assertThat(Files.getLastModifiedTime(meta).toMillis()).isEqualTo(formattedAt);

        // the data removed: formatted again, same cluster
        Files.delete(meta);
        LocalKafka.formatOnce(home, config);
        assertThat(Files.readString(meta)).contains("cluster.id=" + clusterId);
    }
}
