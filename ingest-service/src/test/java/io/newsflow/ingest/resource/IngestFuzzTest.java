package io.newsflow.ingest.resource;

import io.newsflow.infra.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated bodies (jqwik generators; a failure message carries the body): article-shaped JSON with
 * wrong types, odd Unicode, huge and nested values, truncated JSON, raw bytes that are not UTF-8, NDJSON batches,
 * wrong content types. Whatever comes in, ingest answers 202 (a batch: 200 with a result per line) or a 4xx
 * problem+json, never a 5xx and never a stack trace.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class IngestFuzzTest {

    private static final int REQUESTS = 1500;
    private static final List<String> FIELDS = List.of("title", "text", "html", "source", "url", "externalId",
            "publishedAt", "language", "clean", "schemaVersion", "id");

    @TestHTTPResource("/articles")
    URL articles;

    record Body(String path, String contentType, byte[] bytes) {
    }

    @Test
    void generatedBodiesNeverGet5xxOrAStackTrace() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var generated = bodies().sampleStream().iterator();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS && failures.size() < 5; i++) {
            Body body = generated.next();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(articles + body.path()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer test-key")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            if (!body.contentType().isEmpty()) {
                request.header("Content-Type", body.contentType());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean batchReport = body.path().equals("/batch") && response.statusCode() == 200
                    && type.startsWith("application/json") && response.body().contains("\"results\"");
            boolean ok = response.statusCode() == 202 || batchReport
                    || (response.statusCode() >= 400 && response.statusCode() < 500 && type.startsWith("application/problem+json"));
            if (!ok || response.body().contains("\tat ") || response.body().contains("Exception")) {
                failures.add(response.statusCode() + " " + type + " for " + body.path() + " " + body.contentType() + " "
                        + new String(body.bytes(), 0, Math.min(body.bytes().length, 200), StandardCharsets.UTF_8)
                        + " -> " + response.body());
            }
        }
        assertThat(failures).as("statuses so far %s", statuses).isEmpty();
        // the generators reach both sides: accepted articles and each kind of refusal
        assertThat(statuses).containsKeys(202, 400, 415);
    }

    private static Arbitrary<Body> bodies() {
        Arbitrary<String> path = Arbitraries.of("", "", "/batch");
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json", "application/json; charset=utf-8",
                "text/plain", "text/plain; charset=utf-8", "text/html", "application/x-ndjson", "application/xml",
                "multipart/form-data", "application/json; charset=latin1", "", "*/*", "garbage");
        return Combinators.combine(path, contentType, payload()).as(Body::new);
    }

    private static Arbitrary<byte[]> payload() {
        Arbitrary<String> article = articleJson();
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, article.map(IngestFuzzTest::utf8)),
                net.jqwik.api.Tuple.of(2, article.list().ofMaxSize(5).map(lines -> utf8(String.join("\n", lines)))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(article, Arbitraries.integers().between(0, 100))
                        .as((json, cut) -> utf8(json.substring(0, json.length() * cut / 100)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                net.jqwik.api.Tuple.of(1, strings().map(IngestFuzzTest::utf8)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 200_000).map(n -> utf8("{\"text\":\"" + "a".repeat(n) + "\"}"))));
    }

    private static Arbitrary<String> articleJson() {
        Arbitrary<String> field = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(FIELDS)),
                net.jqwik.api.Tuple.of(1, strings()));
        return Combinators.combine(field, jsonValue(2)).as((k, v) -> quote(k) + ":" + v)
                .list().ofMaxSize(6)
                .map(members -> "{" + String.join(",", members) + "}");
    }

    private static Arbitrary<String> jsonValue(int depth) {
        List<net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends String>>> choices = new ArrayList<>(List.of(
                net.jqwik.api.Tuple.of(6, strings().map(IngestFuzzTest::quote)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("2019-04-12", "2019-04-12T10:00:00Z", "2019-13-45", "yesterday", "",
                        "9999-12-31T23:59:59+14:00", "0000-00-00").map(IngestFuzzTest::quote)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().map(d -> d.isNaN() || d.isInfinite() ? "1e400" : String.valueOf(d))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("true", "false", "null"))));
        if (depth > 0) {
            choices.add(net.jqwik.api.Tuple.of(1, jsonValue(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")));
            choices.add(net.jqwik.api.Tuple.of(1, Combinators.combine(strings(), jsonValue(depth - 1))
                    .as((k, v) -> quote(k) + ":" + v).list().ofMaxSize(3).map(l -> "{" + String.join(",", l) + "}")));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Arbitrary<String> value = Arbitraries.frequencyOf(choices.toArray(new net.jqwik.api.Tuple.Tuple2[0]));
        return value;
    }

    /** Any Unicode, including controls, lone surrogates, RTL marks, NULs and markup. */
    private static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars(" .,'\"<>&/").ofMaxLength(80)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("<script>alert(1)</script>", "<iframe src=x></iframe>", "\u0000",
                        "\uD800", "\u202Eevil", "Khalifa Haftar met Sergei Shoigu in Moscow on Tuesday.", "   ")));
    }

    private static String quote(String s) {
        return s.chars().mapToObj(c -> c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c < 0x20 ? String.format("\\u%04x", c)
                : String.valueOf((char) c)).collect(Collectors.joining("", "\"", "\""));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
