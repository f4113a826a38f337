package io.newsflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines './newsflow up' ends with, from the run folder's port records. */
class UpSummaryCommandTest {

    @TempDir
    Path run;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String summary() {
        int code = Newsflow.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                Map.of("NEWSFLOW_API_KEY", "k3y"), false).execute("up-summary", "--run", run.toString(), "--took", "41.2s",
                "--key-file", run.resolve("api-key").toString(), "--database", "jdbc:postgresql://127.0.0.1:5432/newsflow",
                "--database-user", "postgres", "--logs", ".newsflow/logs/");
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private void record(String name, int port) throws IOException {
        Files.writeString(run.resolve(name + ".port"), port + "\n");
    }

    @Test
    void listsEveryInstanceRecordedWithItsUrls() throws IOException {
        record("kafka", 9092);
        record("postgres", 5432);
        record("ingest-service", 8081);
        record("enrich-service", 8082);
        record("enrich-service-2", 8182);
        record("api-service", 8080);
        record("api-service-10", 8980);
        record("api-service-2", 8180);

        assertThat(summary()).isEqualTo("""

                Newsflow is up (41.2s).

                  Web UI             http://localhost:8080/
                  Query API          http://localhost:8080/articles   (Swagger UI: http://localhost:8080/q/swagger-ui)
                  more API instances http://localhost:8180/ http://localhost:8980/
                  Ingest API         http://localhost:8081/articles   (Swagger UI: http://localhost:8081/q/swagger-ui)
                  Ingest key         k3y   (from $NEWSFLOW_API_KEY)
                  Enrichment health  http://localhost:8082/q/health http://localhost:8182/q/health
                  Kafka              127.0.0.1:9092
                  PostgreSQL         jdbc:postgresql://127.0.0.1:5432/newsflow (user postgres)
                  Logs               .newsflow/logs/

                  Send articles:  ./newsflow ingest PATH...   (or curl -H "Authorization: Bearer <key>" ...)
                  Stop:           ./newsflow down
                """);
    }

    @Test
    void servicesNotStartedAreLeftOut() throws IOException {
        record("kafka", 9092);
        record("enrich-service", 8082);

        assertThat(summary()).doesNotContain("Web UI", "Query API", "Ingest", "more API")
                .contains("  Enrichment health  http://localhost:8082/q/health\n");
    }
}
