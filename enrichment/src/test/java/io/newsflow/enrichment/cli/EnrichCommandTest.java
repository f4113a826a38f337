package io.newsflow.enrichment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrichment.SharedEnricher;
import io.newsflow.events.ArticleIds;
import io.newsflow.events.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the command in-process, with the shared models, on in-memory stdin/stdout/stderr. */
class EnrichCommandTest {

    private record Run(int exitCode, List<JsonNode> lines, String stdout, String stderr) {
    }

    private static Run run(String stdin, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EnrichCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                SharedEnricher::get);
        String stdout = out.toString(StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(EventJson.mapper().readTree(line)); // every stdout line is JSON
            }
        }
        return new Run(code, lines, stdout, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void filtersNdjsonFromStdinAndReportsBadLinesInline() throws IOException {
        String input = String.join("\n",
                "{\"id\":\"a1\",\"title\":\"Moscow will support Haftar / News / Inforos News\",\"text\":\"Marshal Khalifa Haftar met Vladimir Putin in Moscow on Tuesday.\",\"publishedAt\":\"2019-05-30\"}",
                "{\"id\": \"broken\", \"text\": ",
                "{\"id\":\"a3\",\"text\":\"  Rate it\\r\\nKhalifa Haftar met Putin.  \",\"clean\":false}",
                "",
                "{\"id\":\"a4\",\"title\":\"no body\"}",
                "{\"id\":\"a5\",\"html\":\"<html><head><title>Haftar in Moscow</title></head><body><article><p>Khalifa Haftar met Sergei Shoigu in Moscow, officials said on Monday.</p></article></body></html>\"}",
                "{\"id\":\"a6\",\"text\":\"Haftar.\",\"publishedAt\":\"yesterday\"}",
                "[1, 2]");
        Run r = run(input, "-");

        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).hasSize(7);
        assertThat(r.lines()).extracting(n -> n.path("id").isNull() ? null : n.path("id").asText())
                .containsExactly("a1", null, "a3", "a4", "a5", "a6", null);
        assertThat(r.lines()).extracting(n -> n.has("error"))
                .containsExactly(false, true, false, true, false, true, true);

        JsonNode a1 = r.lines().get(0);
        assertThat(a1.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(a1.path("title").asText()).isEqualTo("Moscow will support Haftar");
        assertThat(a1.path("publishedAt").path("basis").asText()).isEqualTo("given");
        assertThat(a1.path("entities").get(0).path("key").asText()).isEqualTo("person:khalifa-haftar");
        assertThat(a1.path("dates").get(0).path("value").asText()).isEqualTo("2019-05-28");

        assertThat(r.lines().get(2).path("text").asText()).isEqualTo("  Rate it\r\nKhalifa Haftar met Putin.  ");
        assertThat(r.lines().get(3).path("error").asText()).contains("\"text\" or \"html\"");
        assertThat(r.lines().get(4).path("title").asText()).isEqualTo("Haftar in Moscow");
        assertThat(r.lines().get(5).path("error").asText()).contains("publishedAt");
        assertThat(r.lines().get(1).path("input").asText()).isEqualTo("stdin:2");
        assertThat(r.stderr()).contains("stdin:2").contains("stdin:5");
    }

    @Test
    void readsFilesAndFolders(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "\n  Moscow will support Haftar\nRate it\nKhalifa Haftar held talks in Moscow on Thursday.\n");
        Files.writeString(dir.resolve("b.json"), "[{\"id\":\"b1\",\"text\":\"Haftar met Lavrov.\"},{\"text\":\"Sergei Shoigu spoke.\",\"source\":\"s\",\"externalId\":\"7\"}]");
        Files.writeString(dir.resolve("c.ndjson"), "{\"id\":\"c1\",\"text\":\"Putin spoke.\",\"publishedAt\":\"2020-01-01\"}\n");
        Files.writeString(dir.resolve("notes.md"), "not an article");
        Run r = run("", "--published", "2019-04-12", dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).hasSize(4);
        JsonNode a = r.lines().get(0);
        assertThat(a.path("id").asText()).isEqualTo(ArticleIds.derive(null, null, null, "Moscow will support Haftar",
                "Rate it\nKhalifa Haftar held talks in Moscow on Thursday.\n"));
        assertThat(a.path("title").asText()).isEqualTo("Moscow will support Haftar");
        assertThat(a.path("text").asText()).isEqualTo("Khalifa Haftar held talks in Moscow on Thursday.");
        assertThat(a.path("publishedAt").path("value").asText()).isEqualTo("2019-04-12");
        assertThat(a.path("dates").get(0).path("value").asText()).isEqualTo("2019-04-11");
        assertThat(r.lines().get(1).path("id").asText()).isEqualTo("b1");
        assertThat(r.lines().get(2).path("id").asText()).isEqualTo(ArticleIds.derive("s", "7", null, null, "Sergei Shoigu spoke."));
        assertThat(r.lines().get(3).path("publishedAt").path("value").asText()).isEqualTo("2020-01-01");
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path dir) throws IOException {
        assertThat(run("").exitCode()).isEqualTo(2);
        assertThat(run("", dir.resolve("missing.txt").toString()).exitCode()).isEqualTo(2);
        assertThat(run("", "--published", "last week", "-").exitCode()).isEqualTo(2);
        Run unknown = run("", "--frobnicate", "-");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stdout()).isEmpty();
        assertThat(unknown.stderr()).contains("--frobnicate");
    }

    @Test
    void aRuntimeFailureExitsWithOne() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EnrichCommand.run(new String[]{"-"}, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
                    throw new IllegalStateException("cannot load the NER model");
                });
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot load the NER model");
    }
}
