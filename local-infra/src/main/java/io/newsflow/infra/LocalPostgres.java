package io.newsflow.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL server from the embedded distribution (no installation, works as root through
 * {@code unshare -U}). Creates the database {@code newsflow}.
 *
 * <p>{@link #main} runs it standalone for {@code ./newsflow up}: {@code --port 5432 --data DIR}; the data
 * directory is kept between runs and the server stops on SIGTERM.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "newsflow";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a random port, for tests. */
    public static LocalPostgres startEphemeral() {
        return start(EmbeddedPostgres.builder());
    }

    /** A server on a fixed port whose data survives restarts. */
    public static LocalPostgres startPersistent(int port, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        return start(EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // listen on loopback only: the local stack is for this machine
                .setServerConfig("listen_addresses", "127.0.0.1")
                // the embedded defaults trade durability for test speed; stored articles must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200"));
    }

    private static LocalPostgres start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres pg = builder
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // unpack the binaries once per machine, not once per clean build
                    .setOverrideWorkingDirectory(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toFile())
                    .start();
            createDatabase(pg);
            return new LocalPostgres(pg);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL server", e);
        }
    }

    private static void createDatabase(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return jdbcUrl(port());
    }

    /** The URL of a server of this kind on the given port, also while it is down (a test that restarts it). */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The environment that points a packaged service (one started as its own process) at this server. */
    public Map<String, String> serviceEnvironment() {
        return serviceEnvironment(jdbcUrl());
    }

    /**
     * The environment that points a packaged service at the database at {@code jdbcUrl}, as user {@link #USER}. No
     * password: the service's own default (none) is what the embedded server takes.
     */
    public static Map<String, String> serviceEnvironment(String jdbcUrl) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", USER);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    public static void main(String[] args) throws Exception {
        int port = 5432;
        Path data = Path.of(".newsflow", "postgres");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: LocalPostgres [--port PORT] [--data DIR]");
                    System.exit(2);
                }
            }
        }
        LocalPostgres pg = startPersistent(port, data);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }, "postgres-shutdown"));
        System.out.println("PostgreSQL ready: " + pg.jdbcUrl() + " user " + USER);
        Thread.currentThread().join();
    }
}
