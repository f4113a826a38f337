package io.newsflow.enrichment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.articles.ArticleFileType;
import io.newsflow.articles.SubmissionParser;
import io.newsflow.articles.SubmissionParser.Metadata;
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

/** A file gets the same id through {@code newsflow enrich} as through ingest (the body ingest is sent for that file). */
class EnrichCommandIdsTest {

    private static final SubmissionParser INGEST = new SubmissionParser(EventJson.mapper());
    private static final Metadata NO_QUERY_PARAMETERS = new Metadata(null, null, null, null, null);

    @Test
    void everyKindOfFileGetsTheIdIngestGivesIt(@TempDir Path dir) throws IOException {
        Path oneLine = write(dir, "one-line.txt", "Khalifa Haftar met Vladimir Putin in Moscow on Tuesday.\n");
        Path lines = write(dir, "lines.txt", "\n  Moscow will support Haftar\n\nKhalifa Haftar held talks in Moscow on Thursday.\n");
        Path page = write(dir, "page.html", "<html lang=\"en\"><head><title>Haftar in Moscow</title>"
                + "<link rel=\"canonical\" href=\"https://www.example.com/news/haftar?utm_source=feed\"></head>"
                + "<body><article><p>Khalifa Haftar met Sergei Shoigu in Moscow, officials said on Monday.</p></article></body></html>");
        Path json = write(dir, "article.json", "{\"title\":\"Haftar in Moscow\",\"text\":\"Haftar met Lavrov.\",\"source\":\"s\"}");
        Path ndjson = write(dir, "articles.ndjson", "{\"text\":\"Sergei Shoigu spoke.\",\"url\":\"https://example.com/shoigu#top\"}\n");

        List<String> fromEnrich = idsFromEnrich(oneLine, lines, page, json, ndjson);
        List<String> fromIngest = List.of(ingestId(oneLine), ingestId(lines), ingestId(page), ingestId(json), ingestId(ndjson));

        assertThat(fromEnrich).containsExactlyElementsOf(fromIngest);
        // and the ids are the contract's: a one-line .txt is all body, a page is named by its canonical URL
        assertThat(fromEnrich).containsExactly(
                ArticleIds.derive(null, null, null, null, "Khalifa Haftar met Vladimir Putin in Moscow on Tuesday."),
                ArticleIds.derive(null, null, null, "Moscow will support Haftar", "Khalifa Haftar held talks in Moscow on Thursday."),
                ArticleIds.derive(null, null, "https://example.com/news/haftar", null, null),
                ArticleIds.derive("s", null, null, "Haftar in Moscow", "Haftar met Lavrov."),
                ArticleIds.derive(null, null, "https://example.com/shoigu", null, null));
    }

    /** What ingest does with the file as {@code newsflow ingest} sends it: its bytes under the file type's media type. */
    private static String ingestId(Path file) throws IOException {
        String body = SubmissionParser.utf8(Files.readAllBytes(file));
        return switch (ArticleFileType.of(file).orElseThrow()) {
            case TEXT -> INGEST.fromPlainText(body, NO_QUERY_PARAMETERS).id();
            case HTML -> INGEST.fromHtml(body, NO_QUERY_PARAMETERS).id();
            case JSON -> INGEST.fromJson(body).id();
            case NDJSON -> INGEST.fromJson(body.lines().findFirst().orElseThrow()).id();
        };
    }

    private static List<String> idsFromEnrich(Path... files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = java.util.Arrays.stream(files).map(Path::toString).toArray(String[]::new);
        int code = EnrichCommand.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), SharedEnricher::get);
        assertThat(code).isZero();
        List<String> ids = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode node = EventJson.mapper().readTree(line);
            assertThat(node.has("error")).as(line).isFalse();
            ids.add(node.path("id").asText());
        }
        return ids;
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
