package io.newsflow.ingest.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.newsflow.events.TraceParent;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PrometheusText;
import io.newsflow.infra.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** The ingest contract, every status code, against a real Kafka broker. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ArticleResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TopicClient rawTopic() {
        return new TopicClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Sends the Content-Type exactly as given: REST Assured would append {@code charset=ISO-8859-1} to types it does
     * not know, and NDJSON, like JSON, is accepted in UTF-8 only (415 otherwise).
     */
    private static RequestSpecification withKey() {
        return given().header("Authorization", "Bearer test-key").config(RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    @Test
    void jsonArticleIsAcceptedOnlyOnceKafkaHasItKeyedById() throws Exception {
        String externalId = UUID.randomUUID().toString();
        String id = withKey().contentType(ContentType.JSON)
                .body("{\"title\":\"Moscow will support Haftar\",\"text\":\"Khalifa Haftar held talks in Moscow.\","
                        + "\"source\":\"inforos\",\"externalId\":\"" + externalId + "\",\"publishedAt\":\"2019-05-30\"}")
                .post("/articles")
                .then().statusCode(202)
                .body("status", equalTo("accepted"))
                .extract().path("id");

        ConsumerRecord<String, String> record = rawTopic().readUntilKeys(Topics.RAW, Duration.ofSeconds(30), id).stream()
                .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        JsonNode value = JSON.readTree(record.value());
        assertThat(value.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(value.get("id").asText()).isEqualTo(id);
        assertThat(value.get("text").asText()).isEqualTo("Khalifa Haftar held talks in Moscow.");
        assertThat(value.get("publishedAt").asText()).isEqualTo("2019-05-30");
        assertThat(value.get("publishedAtBasis").asText()).isEqualTo("given");
        assertThat(value.get("receivedAt").asText()).isNotBlank();
    }

    @Test
    void theCallersTraceGoesOnTheKafkaRecordAndBackInTheAnswer() {
        TraceParent caller = TraceParent.newTrace();
        var response = withKey().contentType(ContentType.JSON).header(Telemetry.TRACEPARENT, caller.header())
                .body("{\"text\":\"Traced " + UUID.randomUUID() + "\"}").post("/articles").then().statusCode(202).extract();
        String id = response.path("id");
        TraceParent answered = TraceParent.parse(response.header(Telemetry.TRACEPARENT)).orElseThrow();
        assertThat(answered.traceId()).isEqualTo(caller.traceId());
        assertThat(answered.spanId()).isNotEqualTo(caller.spanId());

        ConsumerRecord<String, String> record = rawTopic().read(Topics.RAW, id, Duration.ofSeconds(30));
        assertThat(TopicClient.header(record, Telemetry.TRACEPARENT)).isEqualTo(answered.header());
    }

    @Test
    void withoutATraceEveryRequestStartsOneAndBatchLinesShareIt() {
        var response = withKey().contentType(ArticleResource.NDJSON)
                .body(bytes("{\"text\":\"Line one " + UUID.randomUUID() + "\"}\n{\"text\":\"Line two " + UUID.randomUUID() + "\"}\n"))
                .post("/articles/batch").then().statusCode(200).extract();
        TraceParent trace = TraceParent.parse(response.header(Telemetry.TRACEPARENT)).orElseThrow();
        List<String> ids = response.path("results.id");
        List<ConsumerRecord<String, String>> records = rawTopic().readUntilKeys(Topics.RAW, Duration.ofSeconds(30), ids.toArray(String[]::new));
        for (String id : ids) {
            ConsumerRecord<String, String> r = records.stream().filter(x -> id.equals(x.key())).findFirst().orElseThrow();
            assertThat(TraceParent.parse(TopicClient.header(r, Telemetry.TRACEPARENT)).orElseThrow().traceId()).isEqualTo(trace.traceId());
        }
        // a broken header is replaced, never passed on
        String broken = withKey().contentType(ContentType.JSON).header(Telemetry.TRACEPARENT, "00-xyz")
                .body("{\"text\":\"Broken trace " + UUID.randomUUID() + "\"}").post("/articles").then().statusCode(202)
                .extract().header(Telemetry.TRACEPARENT);
        assertThat(TraceParent.parse(broken)).isPresent();
    }

    @Test
    void metricsCountArticlesInAndOut() {
        String before = given().get("/q/metrics").then().statusCode(200).extract().asString();
        withKey().contentType(ContentType.JSON).body("{\"text\":\"Counted " + UUID.randomUUID() + "\"}").post("/articles")
                .then().statusCode(202);
        withKey().contentType(ContentType.JSON).body("{\"title\":\"no body\"}").post("/articles").then().statusCode(400);
        String after = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, String> ingest = Map.of(Telemetry.TAG_SERVICE, "ingest-service");
        assertThat(PrometheusText.sum(after, Telemetry.PROM_ARTICLES_IN, ingest) - PrometheusText.sum(before, Telemetry.PROM_ARTICLES_IN, ingest))
                .isEqualTo(1.0);
        assertThat(PrometheusText.sum(after, Telemetry.PROM_ARTICLES_OUT, ingest) - PrometheusText.sum(before, Telemetry.PROM_ARTICLES_OUT, ingest))
                .isEqualTo(1.0);
    }

    @Test
    void ingestConsumesNothingSoItReportsNoConsumerLag() {
        // service-support's lag gauge is on only where newsflow.metrics.lag-channel names a channel (enrich, api)
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains(Telemetry.TAG_SERVICE + "=\"ingest-service\"").doesNotContain(Telemetry.PROM_CONSUMER_LAG);
    }

    @Test
    void sameArticleTwiceGetsTheSameId() {
        String body = "{\"text\":\"Same body " + UUID.randomUUID() + "\",\"title\":\"Same\"}";
        String first = withKey().contentType(ContentType.JSON).body(body).post("/articles").then().statusCode(202).extract().path("id");
        String second = withKey().contentType(ContentType.JSON).body(body).post("/articles").then().statusCode(202).extract().path("id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void plainTextAndHtmlAreAccepted() throws Exception {
        String textId = withKey().contentType("text/plain; charset=utf-8")
                .queryParam("source", "seeds").queryParam("publishedAt", "2019-04-12")
                .body("Haftar in Moscow\n\nKhalifa Haftar met officials " + UUID.randomUUID())
                .post("/articles").then().statusCode(202).extract().path("id");
        String htmlId = withKey().contentType("text/html")
                .queryParam("url", "https://news.example/" + UUID.randomUUID())
                .body("<html><head><title>Page</title><meta property=\"article:published_time\" content=\"2019-05-01T10:00:00Z\">"
                        + "</head><body><article><p>Text of the page.</p></article></body></html>")
                .post("/articles").then().statusCode(202).extract().path("id");

        List<ConsumerRecord<String, String>> records = rawTopic().readUntilKeys(Topics.RAW, Duration.ofSeconds(30), textId, htmlId);
        JsonNode text = JSON.readTree(records.stream().filter(r -> textId.equals(r.key())).findFirst().orElseThrow().value());
        assertThat(text.get("title").asText()).isEqualTo("Haftar in Moscow");
        assertThat(text.get("source").asText()).isEqualTo("seeds");
        JsonNode html = JSON.readTree(records.stream().filter(r -> htmlId.equals(r.key())).findFirst().orElseThrow().value());
        assertThat(html.get("title").asText()).isEqualTo("Page");
        assertThat(html.get("publishedAt").asText()).isEqualTo("2019-05-01T10:00:00Z");
        assertThat(html.get("publishedAtBasis").asText()).isEqualTo("page");
        assertThat(html.get("html").asText()).contains("<article>");
    }

    @Test
    void batchAcceptsGoodLinesAndRejectsBadOnesAlone() {
        String good1 = "{\"text\":\"First " + UUID.randomUUID() + "\"}";
        String good2 = "{\"text\":\"Second " + UUID.randomUUID() + "\"}";
        withKey().contentType("application/x-ndjson")
                .body(bytes(good1 + "\n{\"text\": 5}\n\n" + good2 + "\nnot json\n"))
                .post("/articles/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(2))
                .body("results[0].line", equalTo(1)).body("results[0].status", equalTo("accepted")).body("results[0].id", notNullValue())
                .body("results[1].line", equalTo(2)).body("results[1].status", equalTo("rejected")).body("results[1].error", containsString("text"))
                .body("results[1]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("id")))
                .body("results[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("error")))
                .body("results[2].line", equalTo(4)).body("results[2].status", equalTo("accepted"))
                .body("results[3].line", equalTo(5)).body("results[3].error", containsString("JSON"));
    }

    @Test
    void batchWithTooManyLinesIsRejected() {
        withKey().contentType("application/x-ndjson").body(bytes("{\"text\":\"x\"}\n".repeat(101)))
                .post("/articles/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("at most 100"));
    }

    @Test
    void invalidArticleIsA400ProblemNamingTheField() {
        withKey().contentType(ContentType.JSON).body("{\"title\":\"no body\",\"publishedAt\":\"yesterday\"}")
                .post("/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", equalTo("Invalid article")).body("type", notNullValue())
                .body("errors.field", hasItem("text")).body("errors.field", hasItem("publishedAt"));
        withKey().contentType(ContentType.JSON).body("{\"text\":")
                .post("/articles").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"))
                .body(org.hamcrest.Matchers.not(containsString("at io.")));
    }

    @Test
    void missingOrWrongKeyIs401AndHashedKeysWork() {
        given().contentType(ContentType.JSON).body("{\"text\":\"x\"}").post("/articles")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body("{\"text\":\"x\"}").post("/articles")
                .then().statusCode(401);
        given().header("X-API-Key", "wrong").contentType("text/plain").body("x").post("/articles/batch").then().statusCode(401);
        // "test" is configured only as its SHA-256 digest
        given().header("X-API-Key", "test").contentType(ContentType.JSON).body("{\"text\":\"hashed key " + UUID.randomUUID() + "\"}")
                .post("/articles").then().statusCode(202);
    }

    @Test
    void bodyOverTheLimitIs413() {
        withKey().contentType(ContentType.JSON).body("{\"text\":\"" + "x".repeat(70_000) + "\"}")
                .post("/articles")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("detail", containsString("65536 bytes")).body("detail", containsString("NEWSFLOW_INGEST_MAX_BODY_BYTES"));
    }

    /** A plain-text body of exactly this many bytes: a title line, then words. */
    private static byte[] textOfSize(int size) {
        StringBuilder text = new StringBuilder("At the limit " + UUID.randomUUID() + "\n\n");
        while (text.length() < size) {
            text.append("word ");
        }
        return text.substring(0, size).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void bodiesUpToTheLimitAreAcceptedAndOneByteMoreIsNot() {
        // %test newsflow.ingest.max-body-bytes is 65536; with a Content-Length and chunked
        withKey().contentType("text/plain").body(textOfSize(65_536)).post("/articles").then().statusCode(202);
        withKey().contentType("text/plain").body(new java.io.ByteArrayInputStream(textOfSize(65_536))).post("/articles")
                .then().statusCode(202);
        withKey().contentType("text/plain").body(textOfSize(65_537)).post("/articles").then().statusCode(413);
        withKey().contentType("text/plain").body(new java.io.ByteArrayInputStream(textOfSize(65_537))).post("/articles")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("NEWSFLOW_INGEST_MAX_BODY_BYTES"));
    }

    @Test
    void unsupportedContentTypeIs415() {
        withKey().contentType("application/pdf").body(bytes("%PDF-1.4")).post("/articles")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void compressedBodiesAreRefusedNotInflated() throws Exception {
        // a gzip bomb: 20 MB of JSON in ~20 KB; nothing may be decompressed
        var compressed = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(compressed)) {
            gzip.write(("{\"text\":\"" + " ".repeat(20_000_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        withKey().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(compressed.toByteArray())
                .post("/articles")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("Content-Encoding 'gzip' is not accepted"));
        withKey().contentType(ContentType.JSON).header("Content-Encoding", "identity").body("{\"text\":\"Plain body.\"}")
                .post("/articles").then().statusCode(202);
    }

    @Test
    void chunkedBodyOverTheLimitIs413Too() {
        // no Content-Length: the limit is enforced on the bytes actually received
        withKey().contentType(ContentType.JSON)
                .body(new java.io.ByteArrayInputStream(("{\"text\":\"" + "y".repeat(70_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .post("/articles")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("65536 bytes")).body("detail", containsString("NEWSFLOW_INGEST_MAX_BODY_BYTES"));
    }

    @Test
    void healthMetricsAndOpenApiNeedNoKey() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("newsflow_ingest_articles_total"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/articles/batch"));
    }
}
