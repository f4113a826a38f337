package io.newsflow.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code newsflow ingest} against a real HTTP server answering as ingest-service does. */
class IngestCommandTest {

    private static final String KEY = "test-key-123";

    @TempDir
    Path dir;

    private HttpServer server;
    private String url;
    /** "METHOD PATH CONTENT-TYPE" per request, in arrival order. */
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    /** Answers to give before the normal one, per path (e.g. a 429 first). */
    private final Map<String, List<Answer>> scripted = new HashMap<>();

    private record Answer(int status, String retryAfter, String body) {
    }

    /** GET /articles/ID answers 404 while false (the article not enriched and stored yet). */
    private volatile boolean queryable = true;

    private final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        env.put("NEWSFLOW_INGEST_URL", url);
        env.put("NEWSFLOW_API_KEY", KEY);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(ex.getRequestMethod() + " " + path + " " + ex.getRequestHeaders().getFirst("Content-Type"));
        List<Answer> next = scripted.get(path);
        if (next != null && !next.isEmpty()) {
            Answer a = next.remove(0);
            if (a.retryAfter() != null) {
                ex.getResponseHeaders().set("Retry-After", a.retryAfter());
            }
            send(ex, a.status(), a.body());
        } else if (ex.getRequestMethod().equals("GET") && path.startsWith("/articles/")) {
            send(ex, queryable ? 200 : 404, queryable ? "{\"id\":\"" + path.substring(10) + "\"}" : "{\"status\":404}");
        } else if (!("Bearer " + KEY).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Send a valid API key\"}");
        } else if (path.equals("/articles") && body.contains("BAD")) {
            send(ex, 400, "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"detail\":\"The article is not valid.\",\"errors\":[{\"field\":\"text\",\"message\":\"must not be blank\"}]}");
        } else if (path.equals("/articles")) {
            send(ex, 202, "{\"id\":\"id-" + requests.size() + "\",\"status\":\"accepted\"}");
        } else if (path.equals("/articles/batch")) {
            StringBuilder results = new StringBuilder();
            int accepted = 0;
            int line = 0;
            for (String l : body.split("\n")) {
                line++;
                results.append(results.isEmpty() ? "" : ",");
                if (l.contains("BAD")) {
                    results.append("{\"line\":").append(line).append(",\"status\":\"rejected\",\"error\":\"text: must not be blank\"}");
                } else {
                    accepted++;
                    results.append("{\"line\":").append(line).append(",\"id\":\"b").append(line).append("\",\"status\":\"accepted\"}");
                }
            }
            send(ex, 200, "{\"accepted\":" + accepted + ",\"rejected\":" + (line - accepted) + ",\"results\":[" + results + "]}");
        } else {
            send(ex, 404, "{\"title\":\"Not Found\",\"status\":404}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private int ingest(String... args) {
        return ingest(false, args);
    }

    private int ingest(boolean terminal, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "ingest";
        System.arraycopy(args, 0, all, 1, args.length);
        return Newsflow.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, terminal).execute(all);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void sendsAFolderByTypeInNameOrderAndKeepsTheIds() throws IOException {
        write("in/a.txt", "A title\n\nSome text about Berlin.\n");
        write("in/b/c.html", "<html><head><title>T</title></head><body><p>Paris</p></body></html>\n");
        write("in/b/d.json", "{\"title\":\"J\",\"text\":\"Rome\"}\n");
        write("in/e.ndjson", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
        write("in/notes.md", "ignored\n");
        Path ids = dir.resolve("ids");

        int code = ingest("--ids-file", ids.toString(), dir.resolve("in").toString());

        assertThat(code).as(err()).isZero();
        assertThat(out()).matches("Sent 4 file\\(s\\) to " + url + " in \\d+\\.\\ds: "
                + "5 article\\(s\\) accepted, 0 rejected, 0 file\\(s\\) failed\n");
        assertThat(requests).containsExactly(
                "POST /articles text/plain; charset=utf-8",
                "POST /articles text/html",
                "POST /articles application/json",
                "POST /articles/batch application/x-ndjson");
        assertThat(Files.readAllLines(ids)).containsExactly("id-1", "id-2", "id-3");
        assertThat(err()).contains("[" + "#".repeat(30) + "] 4/4\n").doesNotContain("\r");
    }

    @Test
    void theIdsFileCanComeFromTheEnvironmentAsUpSetsIt() throws IOException {
        Path file = write("a.txt", "Title\n\nBody.\n");
        Path ids = dir.resolve("seed-ids");
        env.put("NEWSFLOW_INGEST_IDS_FILE", ids.toString());

        assertThat(ingest(file.toString())).isZero();
        assertThat(Files.readAllLines(ids)).containsExactly("id-1");
    }

    @Test
    void waitsUntilTheAcceptedArticlesAreQueryable() throws IOException {
        Path file = write("a.txt", "Title\n\nBody.\n");
        scripted.put("/articles/id-1", new ArrayList<>(List.of(new Answer(404, null, "{}"), new Answer(404, null, "{}"))));

        int code = ingest("--wait-queryable", url + "/", file.toString());

        assertThat(code).as(err()).isZero();
        assertThat(requests).containsExactly("POST /articles text/plain; charset=utf-8",
                "GET /articles/id-1 null", "GET /articles/id-1 null", "GET /articles/id-1 null");
        assertThat(out()).contains("1 article(s) accepted").contains("1 article(s) stored and queryable after ");
    }

    @Test
    void anArticleThatNeverBecomesQueryableFailsAfterTheWait() throws IOException {
        Path file = write("a.txt", "Title\n\nBody.\n");
        queryable = false;

        int code = ingest("--wait-queryable", url, "--wait-seconds", "1", file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("article id-1 was accepted but is not queryable at " + url + " after 1s");
    }

    @Test
    void reportsRejectedLinesAndProblemDetailsAndExitsOne() throws IOException {
        write("bad/f.ndjson", "{\"text\":\"ok\"}\n{\"text\":\"BAD\"}\n{\"text\":\"ok\"}\n");
        write("bad/g.json", "{\"title\":\"BAD\"}\n");

        int code = ingest(dir.resolve("bad").toString());

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("2 article(s) accepted, 2 rejected, 0 file(s) failed");
        assertThat(err()).contains(dir.resolve("bad/f.ndjson") + ":2: rejected: text: must not be blank\n")
                .contains(dir.resolve("bad/g.json")
                        + ": rejected: HTTP 400: The article is not valid. (text: must not be blank)\n");
    }

    @Test
    void retriesA429AfterItsRetryAfter() throws IOException {
        Path file = write("a.txt", "Title\n\nBody.\n");
        scripted.put("/articles", new ArrayList<>(List.of(new Answer(429, "1", "{\"title\":\"Too Many Requests\"}"))));

        long start = System.nanoTime();
        int code = ingest(file.toString());
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(code).as(err()).isZero();
        assertThat(requests).hasSize(2);
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1000);
        assertThat(out()).contains("1 article(s) accepted, 0 rejected, 0 file(s) failed");
    }

    @Test
    void givesUpOnA503AfterFiveTries() throws IOException {
        Path file = write("a.txt", "Title\n\nBody.\n");
        Answer unavailable = new Answer(503, "0", "{\"title\":\"Service Unavailable\",\"detail\":\"Kafka is not there\"}");
        scripted.put("/articles", new ArrayList<>(Collections.nCopies(6, unavailable)));

        int code = ingest(file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(requests).hasSize(5);
        assertThat(err()).contains(file + ": failed: HTTP 503: Kafka is not there\n");
        assertThat(out()).contains("0 article(s) accepted, 0 rejected, 1 file(s) failed");
    }

    @Test
    void aRefusedKeyStopsAtOnceAndSaysWhereTheKeyCameFrom() throws IOException {
        Path a = write("a.txt", "Title\n\nBody.\n");
        Path b = write("b.txt", "Title\n\nBody.\n");
        env.put("NEWSFLOW_API_KEY", "wrong");

        int code = ingest(a.toString(), b.toString());

        assertThat(code).isEqualTo(1);
        assertThat(requests).hasSize(1);
        assertThat(err()).contains(a + ": rejected: HTTP 401: Send a valid API key\n")
                .contains("newsflow: the ingest key was refused; it is from $NEWSFLOW_API_KEY\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void readsTheKeyFromTheKeyFileWhenTheEnvironmentHasNone() throws IOException {
        Path file = write("a.txt", "Title\n\nBody.\n");
        Path keyFile = write("home/api-key", KEY + "\n");
        env.remove("NEWSFLOW_API_KEY");

        assertThat(ingest("--key-file", keyFile.toString(), file.toString())).as(err()).isZero();
        assertThat(out()).contains("1 article(s) accepted");
    }

    @Test
    void withoutAKeyNothingIsSent() throws IOException {
        Path file = write("a.txt", "Title\n\nBody.\n");
        env.remove("NEWSFLOW_API_KEY");

        int code = ingest("--key-file", dir.resolve("home/api-key").toString(), file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).startsWith("newsflow: no ingest key: set NEWSFLOW_API_KEY, or start Newsflow with ./newsflow up");
        assertThat(requests).isEmpty();
    }

    @Test
    void missingPathsAndUnknownTypesCountAsFailedFiles() throws IOException {
        Path good = write("a.txt", "Title\n\nBody.\n");
        Path notes = write("notes.md", "no\n");
        String missing = dir.resolve("nope").toString();

        int code = ingest(good.toString(), missing, notes.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains(missing + ": no such file or folder\n")
                .contains(notes + ": not sent: unknown file type (.txt, .html, .json or .ndjson)\n");
        assertThat(out()).contains("Sent 1 file(s)").contains("1 article(s) accepted, 0 rejected, 2 file(s) failed");
    }

    @Test
    void nothingToSendIsNoFailure() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        assertThat(ingest(dir.resolve("empty").toString())).isZero();
        assertThat(err()).isEqualTo("nothing to send\n");
    }

    @Test
    void anUnreachableServiceStopsWithAHint() throws IOException {
        Path file = write("a.txt", "Title\n\nBody.\n");
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        env.put("NEWSFLOW_INGEST_URL", "http://127.0.0.1:" + freePort + "/");

        int code = ingest(file.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("newsflow: cannot reach the ingest service at http://127.0.0.1:" + freePort + " (")
                .contains("): is Newsflow up? (./newsflow up)");
    }

    @Test
    void theUrlOptionWinsOverTheEnvironment() throws IOException {
        Path file = write("a.txt", "Title\n\nBody.\n");
        env.put("NEWSFLOW_INGEST_URL", "http://127.0.0.1:1");

        assertThat(ingest("--url", url, file.toString())).as(err()).isZero();
        assertThat(requests).hasSize(1);
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndMessagesGoAboveIt() throws IOException {
        Path good = write("a.txt", "Title\n\nBody.\n");
        Path bad = write("b.json", "{\"title\":\"BAD\"}");

        ingest(true, good.toString(), bad.toString());

        assertThat(err()).startsWith("\r[" + ".".repeat(30) + "] 0/2")
                .contains("\r\033[K" + bad + ": rejected: HTTP 400")
                .endsWith("\r[" + "#".repeat(30) + "] 2/2\n");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(ingest()).isEqualTo(2);
        assertThat(err()).startsWith("newsflow: ingest needs at least one file or folder\n\nUsage: newsflow ingest");

        err.reset();
        assertThat(ingest("--fast", "x")).isEqualTo(2);
        assertThat(err()).startsWith("newsflow: ingest: unknown option '--fast'\n");
        assertThat(requests).isEmpty();
    }

    @Test
    void foldersAreReadRecursivelyInPathOrder() throws IOException {
        for (String name : new String[]{"w/b/z.txt", "w/b.txt", "w/a/y.json", "w/c.md", "w/B.html"}) {
            write(name, "x");
        }
        Path folder = dir.resolve("w");
        assertThat(IngestCommand.articleFilesIn(folder)).map(p -> folder.relativize(p).toString())
                .containsExactly("B.html", "a/y.json", "b.txt", "b/z.txt");
    }

    @Test
    void retryAfterIsReadAsSecondsWithinLimits() {
        assertThat(IngestCommand.retryAfterSeconds("3")).isEqualTo(3);
        assertThat(IngestCommand.retryAfterSeconds("120")).isEqualTo(30);
        assertThat(IngestCommand.retryAfterSeconds("")).isEqualTo(2);
        assertThat(IngestCommand.retryAfterSeconds("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(2);
    }

    @Test
    void answersThatAreNoProblemJsonAreShownOnOneLine() {
        assertThat(IngestCommand.problemText("not json\nat all")).isEqualTo("not json at all");
        assertThat(IngestCommand.problemText("{\"title\":\"Too Large\"}")).isEqualTo("Too Large");
        assertThat(IngestCommand.seconds(12_345_000_000L)).isEqualTo("12.3s");
    }
}
