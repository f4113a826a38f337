package io.newsflow.ingest.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What a crawler or a hostile client may send, against a real broker: characters no store can hold, impossible
 * dates, a second JSON value, bodies without a usable Content-Type, declared charsets; and the submitting key's
 * label on every record, never the key.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class HostileContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TestHTTPResource("/articles")
    URL articles;

    private static TopicClient rawTopic() {
        return new TopicClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** Sends exactly the Content-Type given (REST Assured would otherwise append a charset of its own). */
    private static RequestSpecification withKey(String key) {
        return given().header("Authorization", "Bearer " + key).config(RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private static RequestSpecification withKey() {
        return withKey("test-key");
    }

    private static JsonNode stored(String id) throws Exception {
        return JSON.readTree(rawTopic().read(Topics.RAW, id, Duration.ofSeconds(30)).value());
    }

    @Test
    void everyRecordSaysWhichKeySubmittedItByItsLabelNeverTheKey() throws Exception {
        String single = withKey().contentType("application/json").body("{\"text\":\"Submitted " + UUID.randomUUID() + "\"}")
                .post("/articles").then().statusCode(202).extract().path("id");
        List<String> batch = withKey().contentType(ArticleResource.NDJSON)
                .body(("{\"text\":\"Batch " + UUID.randomUUID() + "\"}\n").getBytes(StandardCharsets.UTF_8))
                .post("/articles/batch").then().statusCode(200).extract().path("results.id");
        // "test" is configured only as its digest: its label is the start of that digest
        String hashed = withKey("test").contentType("application/json").body("{\"text\":\"Hashed " + UUID.randomUUID() + "\"}")
                .post("/articles").then().statusCode(202).extract().path("id");

        List<ConsumerRecord<String, String>> records = rawTopic().readUntilKeys(Topics.RAW, Duration.ofSeconds(30), single, batch.get(0), hashed);
        String testKeyLabel = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("test-key".getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        assertThat(submittedBy(records, single)).isEqualTo(testKeyLabel).doesNotContain("test-key");
        assertThat(submittedBy(records, batch.get(0))).isEqualTo(testKeyLabel);
        assertThat(submittedBy(records, hashed)).isEqualTo("sha256:9f86d081884c");
    }

    private static String submittedBy(List<ConsumerRecord<String, String>> records, String id) {
        return TopicClient.header(records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow(), Telemetry.SUBMITTED_BY);
    }

    @Test
    void nulNonCharactersAndUnpairedSurrogatesAre400NamingTheField() {
        withKey().contentType("application/json").body("{\"title\":\"Nul\\u0000title\",\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                .post("/articles").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("title")).body("errors[0].message", containsString("NUL"));
        withKey().contentType("application/json").body("{\"text\":\"x\\uD800\"}".getBytes(StandardCharsets.UTF_8))
                .post("/articles").then().statusCode(400).body("errors[0].field", equalTo("text"))
                .body("errors[0].message", containsString("unpaired surrogate"));
        withKey().contentType("text/plain; charset=utf-8").body("Title\nBody \uFFFF".getBytes(StandardCharsets.UTF_8))
                .post("/articles").then().statusCode(400).body("errors[0].field", equalTo("text"))
                .body("errors[0].message", containsString("non-character U+FFFF"));
        withKey().contentType("text/plain; charset=utf-8").queryParam("externalId", "a\u0000b").body("Body".getBytes(StandardCharsets.UTF_8))
                .post("/articles").then().statusCode(400).body("errors[0].field", equalTo("externalId"));
        // in a batch, only the line is refused
        withKey().contentType(ArticleResource.NDJSON)
                .body(("{\"text\":\"ok " + UUID.randomUUID() + "\"}\n{\"text\":\"x\",\"source\":\"s\\u0000\"}\n").getBytes(StandardCharsets.UTF_8))
                .post("/articles/batch").then().statusCode(200).body("accepted", equalTo(1))
                .body("results[1].error", equalTo("source: contains a NUL character (U+0000)"));
    }

    @Test
    void otherControlCharactersAreRemovedFromTitleAndText() throws Exception {
        String tag = UUID.randomUUID().toString();
        String id = withKey().contentType("application/json")
                .body(("{\"title\":\"Bell\\u0007 title\",\"text\":\"Escape\\u001b[31m red\\ttab " + tag + "\"}").getBytes(StandardCharsets.UTF_8))
                .post("/articles").then().statusCode(202).extract().path("id");
        JsonNode raw = stored(id);
        assertThat(raw.get("title").asText()).isEqualTo("Bell title");
        assertThat(raw.get("text").asText()).isEqualTo("Escape[31m red\ttab " + tag);
    }

    @Test
    void aGivenDateOutsideTheRangeIs400AndAPagesIsDropped() throws Exception {
        withKey().contentType("application/json").body("{\"text\":\"x\",\"publishedAt\":\"0001-01-01T00:00:00+01:00\"}")
                .post("/articles").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("publishedAt"))
                .body("errors[0].message", containsString("between 1600-01-01 and 9999-12-31"));
        withKey().contentType("text/plain; charset=utf-8").queryParam("publishedAt", "1500-01-01").body("Body".getBytes(StandardCharsets.UTF_8))
                .post("/articles").then().statusCode(400).body("errors.field", hasItem("publishedAt"));

        String page = "<html><head><title>Old page " + UUID.randomUUID() + "</title>"
                + "<meta property=\"article:published_time\" content=\"0001-01-01T00:00:00+01:00\">"
                + "<script type=\"application/ld+json\">{\"datePublished\":\"0000-00-00\"}</script></head>"
                + "<body><article><p>Text of the page.</p></article></body></html>";
        String id = withKey().contentType("text/html; charset=utf-8").body(page.getBytes(StandardCharsets.UTF_8))
                .post("/articles").then().statusCode(202).extract().path("id");
        JsonNode raw = stored(id);
        assertThat(raw.has("publishedAt")).isFalse();
        assertThat(raw.has("publishedAtBasis")).isFalse();
    }

    @Test
    void ndjsonPostedToArticlesIs400NotOneArticleOfMany() {
        withKey().contentType("application/json")
                .body(("{\"text\":\"First " + UUID.randomUUID() + "\"}\n{\"text\":\"Second\"}\n").getBytes(StandardCharsets.UTF_8))
                .post("/articles").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("one article per request; use /articles/batch with application/x-ndjson for many"));
        withKey().contentType("application/json").body("{\"text\":\"x\"} trailing".getBytes(StandardCharsets.UTF_8))
                .post("/articles").then().statusCode(400);
    }

    @Test
    void aMissingOrWildcardContentTypeIs415ListingTheAcceptedTypes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(articles.toString()))
                .header("Authorization", "Bearer test-key")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"no content type\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(none.body()).contains("no Content-Type", "application/json", "text/plain", "text/html", "application/x-ndjson");
        for (String wildcard : List.of("*/*", "application/*", "text/*; charset=utf-8")) {
            withKey().contentType(wildcard).body("{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8)).post("/articles")
                    .then().statusCode(415).contentType("application/problem+json")
                    .body("detail", containsString("wildcard")).body("detail", containsString("application/json"));
        }
        withKey().contentType("not a type").body("{}".getBytes(StandardCharsets.UTF_8)).post("/articles")
                .then().statusCode(415).contentType("application/problem+json");
        // without a key, a 401 as before: nothing is said about the body
        given().contentType("*/*").body("{}".getBytes(StandardCharsets.UTF_8)).post("/articles").then().statusCode(401);
    }

    @Test
    void declaredCharsetsAreHonouredAndUnknownOnesAre415() throws Exception {
        String tag = UUID.randomUUID().toString();
        String latin1 = withKey().contentType("text/plain; charset=ISO-8859-1").queryParam("source", "latin1")
                .body(("Grüße aus Köln " + tag + "\n\nDer Bürgermeister sprach über die Straße.").getBytes(StandardCharsets.ISO_8859_1))
                .post("/articles").then().statusCode(202).extract().path("id");
        String pageTag = UUID.randomUUID().toString();
        String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "<title>“Quoted” – " + pageTag + "</title></head><body><article><p>Café crème.</p></article></body></html>";
        String windows = withKey().contentType("text/html").body(page.getBytes(WINDOWS_1252))
                .post("/articles").then().statusCode(202).extract().path("id");
        JsonNode text = stored(latin1);
        assertThat(text.get("title").asText()).isEqualTo("Grüße aus Köln " + tag);
        assertThat(text.get("text").asText()).isEqualTo("Der Bürgermeister sprach über die Straße.");
        JsonNode html = stored(windows);
        assertThat(html.get("title").asText()).isEqualTo("“Quoted” – " + pageTag);
        assertThat(html.get("html").asText()).contains("<p>Café crème.</p>");

        withKey().contentType("text/plain; charset=klingon-8").body("x".getBytes(StandardCharsets.UTF_8)).post("/articles")
                .then().statusCode(415).contentType("application/problem+json").body("detail", containsString("'klingon-8'"));
        withKey().contentType("text/html").body("<meta charset=\"klingon-8\"><p>x</p>".getBytes(StandardCharsets.UTF_8)).post("/articles")
                .then().statusCode(415).contentType("application/problem+json").body("detail", containsString("<meta>"));
        withKey().contentType("application/json; charset=ISO-8859-1").body("{\"text\":\"Grüße\"}".getBytes(StandardCharsets.ISO_8859_1))
                .post("/articles").then().statusCode(415).body("detail", containsString("JSON is UTF-8 only"));
        withKey().contentType("application/x-ndjson; charset=utf-16").body("{}".getBytes(StandardCharsets.UTF_16))
                .post("/articles/batch").then().statusCode(415);
        // invalid UTF-8 stays a 400, as before
        withKey().contentType("text/plain").body(new byte[]{'a', (byte) 0xC3, (byte) 0x28}).post("/articles")
                .then().statusCode(400).body("detail", containsString("UTF-8"));
    }

    @Test
    void aTypeNoEndpointTakesIs415InIngestsOwnWords() {
        // ingest's mapper of WebApplicationException, not service-support's shared one, which would repeat the framework's message
        withKey().contentType("application/xml").body("<article/>".getBytes(StandardCharsets.UTF_8)).post("/articles")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("Send application/json, text/plain or text/html to /articles"));
    }

    @Test
    void theOpenApiDocumentDescribesThe400And415() {
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode paths;
        try {
            paths = JSON.readTree(openApi).get("paths");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (JsonNode post : List.of(paths.get("/articles").get("post"), paths.get("/articles/batch").get("post"))) {
            assertThat(post.at("/responses/400/description").asText()).as(openApi).contains("publishedAt outside 1600-01-01..9999-12-31");
            assertThat(post.at("/responses/415/description").asText()).contains("or JSON in another charset than UTF-8");
        }
    }
}
