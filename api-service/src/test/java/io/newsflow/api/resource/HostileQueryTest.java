package io.newsflow.api.resource;

import io.newsflow.api.Articles;
import io.newsflow.api.service.ArticleStore;
import io.newsflow.api.service.Cursor;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The probe's read requests (issue 18) against real PostgreSQL: every one is a 4xx problem+json naming what is wrong,
 * never a 5xx, and none leaves a stack trace or a warning in the log.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class HostileQueryTest {

    @Inject
    ArticleStore store;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getThrown() != null || r.getLevel().intValue() >= Level.WARNING.intValue()) {
                logged.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void noStackTraceNorWarning() {
        Logger.getLogger("").removeHandler(capture);
        assertThat(logged).as("log records with a stack trace or at WARN and above")
                .extracting(r -> r.getLoggerName() + ": " + r.getMessage()).isEmpty();
    }

    @Test
    void controlCharactersAndOverLongValuesInEveryStringParameterAre400NamingIt() {
        for (String bad : List.of("a\u0000b", "\u0000", "x\u0001y", "x\u001By", "x\u007Fy", "x\u0085y", "x\uFFFEy", "x\uFFFFy",
                "x\uFDD0y", "x".repeat(501))) {
            for (String param : List.of("q", "entity", "source", "language", "type", "publishedFrom", "publishedTo", "mentionedFrom",
                    "mentionedTo", "limit", "cursor")) {
                problem(given().queryParam(param, bad).get("/articles"), 400).body("errors.field", hasItem(param));
            }
            for (String param : List.of("q", "type", "limit", "cursor")) {
                problem(given().queryParam(param, bad).get("/entities"), 400).body("errors.field", hasItem(param));
            }
            for (String param : List.of("q", "limit")) {
                problem(given().queryParam(param, bad).get("/sources"), 400).body("errors.field", hasItem(param));
            }
            problem(given().pathParam("key", bad).get("/entities/{key}"), 400).body("errors.field", hasItem("key"));
            problem(given().pathParam("id", bad).get("/articles/{id}"), 404);
            problem(given().pathParam("id", bad).get("/articles/{id}/revisions"), 404);
        }
        // the NUL the probe sent, percent-encoded in the path
        problem(given().urlEncodingEnabled(false).get("/entities/person:a%00b"), 400).body("errors.field", hasItem("key"));
        problem(given().urlEncodingEnabled(false).get("/articles?q=a%00b"), 400).body("errors.field", hasItem("q"));
        // tabs and line breaks are whitespace, not an error
        given().queryParam("q", "gas\tpipeline\r\n").get("/articles").then().statusCode(200);
    }

    @Test
    void datesOutsidePublishedDatesRangeAre400NamingTheParameterAndTheRange() {
        for (String param : List.of("publishedFrom", "publishedTo")) {
            for (String bad : List.of("0001-01-01", "0001-01-01T00:00:00+01:00", "1599-12-31T23:59:59Z", "-0044-03-15T12:00:00Z",
                    "+10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "+999999999-12-31T23:59:59")) {
                problem(given().queryParam(param, bad).get("/articles"), 400)
                        .body("errors.field", hasItem(param))
                        .body("detail", containsString(param));
            }
            problem(given().queryParam(param, "0001-01-01").get("/articles"), 400)
                    .body("detail", containsString("between 1600-01-01 and 9999-12-31"));
        }
        for (String param : List.of("mentionedFrom", "mentionedTo")) {
            // PostgreSQL has no year 0; older years are fine: articles speak of 1492
            problem(given().queryParam(param, "0000").get("/articles"), 400).body("errors.field", hasItem(param))
                    .body("detail", containsString("0001 to 9999"));
            given().queryParam(param, "1492").get("/articles").then().statusCode(200);
        }
        // the edges of the range are fine
        given().queryParam("publishedFrom", "1600-01-01").queryParam("publishedTo", "9999-12-31").get("/articles").then().statusCode(200);
        given().queryParam("publishedTo", "9999-12-31T23:59:59Z").get("/articles").then().statusCode(200);
        given().queryParam("mentionedFrom", "0001").queryParam("mentionedTo", "9999").get("/articles").then().statusCode(200);
    }

    @Test
    void cursorsThatDoNotDecodeOrHoldOutOfRangeValuesAre400() {
        String id = UUID.randomUUID().toString();
        List<String> badForArticles = List.of(new Cursor(Long.MIN_VALUE, id).encode(), new Cursor(Long.MAX_VALUE, id).encode(),
                new Cursor(-1L << 60, id).encode(), new Cursor(0, "not-a-uuid").encode(), new Cursor(0, "a\u0000b").encode(),
                raw("v2:123:" + id), raw("123"), raw(":" + id), raw("99999999999999999999:" + id), raw("\u0000:\u0000"),
                "!!!", "%", Base64.getEncoder().encodeToString(new byte[]{(byte) 0xC3, 0x28, ':', 'x'}));
        for (String cursor : badForArticles) {
            problem(given().queryParam("cursor", cursor).get("/articles"), 400).body("errors.field", hasItem("cursor"));
        }
        for (String cursor : List.of(new Cursor(Long.MIN_VALUE, "person:x").encode(), new Cursor(-1, "person:x").encode(),
                new Cursor(5, "person:a\u0000b").encode(), new Cursor(5, "person:\u0001").encode(), raw("5"), "!!!")) {
            problem(given().queryParam("cursor", cursor).get("/entities"), 400).body("errors.field", hasItem("cursor"));
        }
        // a real cursor of each list still works
        given().queryParam("cursor", new Cursor(0, id).encode()).get("/articles").then().statusCode(200);
        given().queryParam("cursor", new Cursor(3, "person:x").encode()).get("/entities").then().statusCode(200);
    }

    @Test
    void revisionsOfAnUnknownArticleAre404AndBadRevisionCursors400() {
        problem(given().get("/articles/" + UUID.randomUUID() + "/revisions"), 404);
        var a = Articles.article("Revised", "Some text.", "hostile-" + UUID.randomUUID(), "2019-01-01", List.of(), List.of());
        store.store(a);
        given().get("/articles/" + a.id() + "/revisions").then().statusCode(200).body("items.size()", equalTo(0));
        for (String cursor : List.of(new Cursor(0, a.id()).encode(), new Cursor(-1, a.id()).encode(),
                new Cursor(Long.MIN_VALUE, a.id()).encode(), new Cursor(1L << 40, a.id()).encode(), "!!!")) {
            problem(given().queryParam("cursor", cursor).get("/articles/" + a.id() + "/revisions"), 400)
                    .body("errors.field", hasItem("cursor"));
        }
        problem(given().queryParam("limit", "0").get("/articles/" + a.id() + "/revisions"), 400).body("errors.field", hasItem("limit"));
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        // answered by service-support's shared mapper of WebApplicationException
        problem(given().get("/no-such-endpoint"), 404).body("title", is("Not Found"));
    }

    @Test
    void badBodiesAndUnknownPathsAreClientErrorsToo() throws Exception {
        // reading is open in this suite: signing in is a no-op whatever the body, and a broken one is no server error
        for (String body : List.of("{\"key\": ", "[1, 2]", "{\"key\": \"a\u0000b\"}", "\u0000")) {
            given().contentType("application/json").body(body).post("/session").then().statusCode(anyOf(is(204), is(400)));
        }
        given().get("/no-such-endpoint").then().statusCode(404);
        // broken percent-encoding, which no HTTP client library sends: straight onto the socket
        for (String target : List.of("/articles?q=%zz", "/articles?q=%", "/entities/%zz", "/articles/%E0%A4%A",
                "/entities/person:%ED%A0%80")) {
            assertThat(rawStatus(target)).as(target).isBetween(400, 499);
        }
        // an overlong NUL in UTF-8 decodes to U+FFFD, not to a NUL: a source nobody has
        assertThat(rawStatus("/articles?source=%C0%80")).isEqualTo(200);
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    /** The status code of a GET of this request target, sent byte for byte. */
    private static int rawStatus(String target) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static String raw(String cursorText) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursorText.getBytes(StandardCharsets.UTF_8));
    }
}
