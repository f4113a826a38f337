package io.newsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.articles.ArticleFileType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code newsflow ingest PATH...}: sends article files to ingest-service, one request per file, with a progress bar
 * on stderr and a summary line on stdout. A 429 or 503 is retried after its Retry-After (at most 30 s, 5 tries);
 * a refused key or an unreachable service stops at once.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send article files to the ingest service, with a progress bar.",
                "PATH: .txt, .html, .json (one article each, POST /articles), .ndjson or .jsonl (one article per "
                        + "line, POST /articles/batch), or folders of them (recursively, in name order).",
                "The key: $NEWSFLOW_API_KEY, else the one in --key-file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every article accepted",
                "1:an article rejected, a file failed, no key, a refused key or no ingest service",
                "2:usage error"})
final class IngestCommand implements Callable<Integer> {

    static final String DEFAULT_URL = "http://localhost:8081";
    private static final int TRIES = 5;
    private static final long MAX_RETRY_WAIT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "files or folders")
    List<String> paths = new ArrayList<>();

    @Option(names = "--url", paramLabel = "URL",
            description = "the ingest service (default: $NEWSFLOW_INGEST_URL, else " + DEFAULT_URL + ")")
    String url;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "where the key is kept when $NEWSFLOW_API_KEY is not set (./newsflow passes the one 'up' made)")
    Path keyFile;

    @Option(names = "--ids-file", paramLabel = "FILE",
            description = "append the id of each accepted single article to FILE (default: $NEWSFLOW_INGEST_IDS_FILE)")
    Path idsFile;

    @Option(names = "--wait-queryable", paramLabel = "API_URL",
            description = "then wait until the query API at API_URL answers GET /articles/ID for every accepted single "
                    + "article: stored, enriched and queryable (how './newsflow up' loads the seeds)")
    String queryApi;

    @Option(names = "--wait-seconds", paramLabel = "N", defaultValue = "180",
            description = "how long --wait-queryable waits at most (default: ${DEFAULT-VALUE})")
    long waitSeconds;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final boolean errIsTerminal;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    IngestCommand(PrintStream out, PrintStream err, Map<String, String> env, boolean errIsTerminal) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.errIsTerminal = errIsTerminal;
    }

    /** Ends the run at once with exit code 1 (after MESSAGE, prefixed "newsflow: "). */
    private static final class Stop extends Exception {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    /** What the files sent so far came to. */
    private static final class Tally {
        int accepted;
        int rejected;
        int failed;
        /** The ids of the accepted single articles (a batch answers with line results). */
        final List<String> ids = new ArrayList<>();
    }

    @Override
    public Integer call() {
        if (paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "ingest needs at least one file or folder");
        }
        String base = Optional.ofNullable(url).or(() -> Optional.ofNullable(env.get("NEWSFLOW_INGEST_URL")))
                .filter(u -> !u.isBlank()).orElse(DEFAULT_URL).replaceAll("/+$", "");
        Path ids = idsFile != null ? idsFile
                : Optional.ofNullable(env.get("NEWSFLOW_INGEST_IDS_FILE")).filter(s -> !s.isBlank()).map(Path::of).orElse(null);
        IngestKey key;
        try {
            key = IngestKey.find(env, keyFile);
        } catch (Stop e) {
            err.println("newsflow: " + e.getMessage());
            return 1;
        }

        Tally tally = new Tally();
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try {
                    files.addAll(articleFilesIn(path));
                } catch (UncheckedIOException e) {
                    err.println(p + ": cannot read the folder: " + describe(e.getCause()));
                    tally.failed++;
                }
            } else if (!Files.isRegularFile(path)) {
                err.println(p + ": no such file or folder");
                tally.failed++;
            } else if (ArticleFileType.of(path).isEmpty()) {
                err.println(p + ": not sent: unknown file type (.txt, .html, .json or .ndjson)");
                tally.failed++;
            } else {
                files.add(path);
            }
        }
        if (files.isEmpty()) {
            err.println("nothing to send");
            return tally.failed == 0 ? 0 : 1;
        }

        long start = System.nanoTime();
        Progress progress = new Progress(err, errIsTerminal, files.size());
        progress.show(0);
        try {
            for (int i = 0; i < files.size(); i++) {
                send(files.get(i), base, key, ids, tally, progress);
                progress.show(i + 1);
            }
        } catch (Stop e) {
            progress.report("newsflow: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.report("newsflow: interrupted");
            return 1;
        }
        out.printf("Sent %d file(s) to %s in %s: %d article(s) accepted, %d rejected, %d file(s) failed%n",
                files.size(), base, seconds(System.nanoTime() - start), tally.accepted, tally.rejected, tally.failed);
        out.flush();
        if (tally.rejected != 0 || tally.failed != 0) {
            return 1;
        }
        try {
            return queryApi == null || waitUntilQueryable(queryApi.replaceAll("/+$", ""), tally.ids) ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("newsflow: interrupted");
            return 1;
        }
    }

    /** Polls GET API/articles/ID for each id until it answers 2xx; false, with a message, after --wait-seconds. */
    private boolean waitUntilQueryable(String api, List<String> ids) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(waitSeconds).toNanos();
        for (String id : ids) {
            URI article = URI.create(api + "/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            while (!answers(article)) {
                if (System.nanoTime() - deadline > 0) {
                    err.println("newsflow: article " + id + " was accepted but is not queryable at " + api + " after "
                            + waitSeconds + "s; see the enrich-service and api-service logs");
                    return false;
                }
                Thread.sleep(500);
            }
        }
        out.printf("%d article(s) stored and queryable after %s%n", ids.size(), seconds(System.nanoTime() - start));
        out.flush();
        return true;
    }

    private boolean answers(URI uri) throws InterruptedException {
        try {
            HttpRequest get = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (IOException e) {
            return false; // not up yet
        }
    }

    private void send(Path file, String base, IngestKey key, Path ids, Tally tally, Progress progress)
            throws Stop, InterruptedException {
        ArticleFileType type = ArticleFileType.of(file).orElseThrow();
        HttpResponse<String> response;
        try {
            response = post(file, type, base, key);
        } catch (ConnectException e) {
            throw new Stop("cannot reach the ingest service at " + base + " (" + describe(e)
                    + "): is Newsflow up? (./newsflow up)");
        } catch (IOException e) {
            progress.report(file + ": failed: " + describe(e));
            tally.failed++;
            return;
        }
        int status = response.statusCode();
        String body = response.body();
        if (type == ArticleFileType.NDJSON && status == 200) {
            Optional<JsonNode> result = parse(body).filter(JsonNode::isObject);
            if (result.isEmpty()) {
                progress.report(file + ": failed: HTTP 200 with an answer that is not a batch result: " + shortened(body));
                tally.failed++;
                return;
            }
            tally.accepted += result.get().path("accepted").asInt();
            tally.rejected += result.get().path("rejected").asInt();
            for (JsonNode line : result.get().path("results")) {
                if ("rejected".equals(line.path("status").asText())) {
                    progress.report(file + ":" + line.path("line").asText("?") + ": rejected: "
                            + line.path("error").asText("no reason given"));
                }
            }
        } else if (status == 200 || status == 201 || status == 202) {
            tally.accepted++;
            String id = parse(body).map(b -> b.path("id").asText("")).orElse("");
            if (!id.isEmpty()) {
                tally.ids.add(id);
            }
            if (ids != null && !id.isEmpty()) {
                appendLine(ids, id);
            }
        } else if (status >= 400 && status < 500) {
            progress.report(file + ": rejected: HTTP " + status + ": " + problemText(body));
            if (status == 401 || status == 403) {
                throw new Stop("the ingest key was refused; it is " + key.source());
            }
            tally.rejected++;
        } else {
            progress.report(file + ": failed: HTTP " + status + ": " + problemText(body));
            tally.failed++;
        }
    }

    /**
     * The article files below FOLDER, recursively, sorted by path (symbolic links are not followed).
     *
     * @throws UncheckedIOException when the folder cannot be read
     */
    static List<Path> articleFilesIn(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && ArticleFileType.of(p).isPresent())
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs FILE, again after Retry-After while the service answers 429 or 503. */
    private HttpResponse<String> post(Path file, ArticleFileType type, String base, IngestKey key)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + type.ingestPath()))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + key.value())
                .header("Content-Type", type.mediaType())
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if ((response.statusCode() != 429 && response.statusCode() != 503) || attempt == TRIES) {
                return response;
            }
            long wait = retryAfterSeconds(response.headers().firstValue("Retry-After").orElse(""));
            Thread.sleep(Duration.ofSeconds(wait).toMillis());
        }
    }

    /** The leading seconds of Retry-After (2 when absent or a date), at most 30. */
    static long retryAfterSeconds(String header) {
        String digits = header.strip().replaceFirst("\\D.*", "");
        long seconds = digits.isEmpty() ? 2 : Long.parseLong(digits.substring(0, Math.min(digits.length(), 6)));
        return Math.min(seconds, MAX_RETRY_WAIT_SECONDS);
    }

    /** A problem+json answer in one line: its detail (else title), then its field errors; other bodies shortened. */
    static String problemText(String body) {
        Optional<JsonNode> problem = parse(body).filter(JsonNode::isObject);
        String text = problem.map(p -> p.path("detail").asText(""))
                .filter(s -> !s.isBlank())
                .or(() -> problem.map(p -> p.path("title").asText("")).filter(s -> !s.isBlank()))
                .orElseGet(() -> shortened(body));
        List<String> errors = new ArrayList<>();
        problem.ifPresent(p -> p.path("errors").forEach(e -> {
            String field = e.path("field").asText("");
            String message = e.path("message").asText("");
            if (!message.isBlank()) {
                errors.add(field.isBlank() ? message : field + ": " + message);
            }
        }));
        String oneLine = text.replaceAll("\\s*[\\r\\n\\t]+\\s*", " ");
        return errors.isEmpty() ? oneLine : oneLine + " (" + String.join("; ", errors) + ")";
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            return Optional.ofNullable(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String shortened(String body) {
        String oneLine = body.replaceAll("[\\r\\n]+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200);
    }

    private static void appendLine(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /** Nanoseconds as "12.3s". */
    static String seconds(long nanos) {
        long millis = nanos / 1_000_000;
        return millis / 1000 + "." + millis % 1000 / 100 + "s";
    }

    /** The ingest key and where it came from (for the message when the service refuses it). */
    record IngestKey(String value, String source) {

        static IngestKey find(Map<String, String> env, Path keyFile) throws Stop {
            String fromEnv = env.get("NEWSFLOW_API_KEY");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return new IngestKey(fromEnv, "from $NEWSFLOW_API_KEY");
            }
            if (keyFile == null) {
                throw new Stop("no ingest key: set NEWSFLOW_API_KEY, or pass --key-file FILE");
            }
            String kept = "";
            try {
                kept = Files.isReadable(keyFile) ? Files.readString(keyFile).replaceAll("[ \\r\\n]", "") : "";
            } catch (IOException e) {
                // as good as no key: said below
            }
            if (kept.isEmpty()) {
                throw new Stop("no ingest key: set NEWSFLOW_API_KEY, or start Newsflow with ./newsflow up (it keeps one in "
                        + Newsflow.pretty(keyFile) + ")");
            }
            return new IngestKey(kept, "kept in " + Newsflow.pretty(keyFile));
        }

        /** As {@link #find}, creating the key FILE first when it is missing (48 random hex digits, owner-only). */
        static IngestKey findOrCreate(Map<String, String> env, Path keyFile) throws IOException {
            String fromEnv = env.get("NEWSFLOW_API_KEY");
            if ((fromEnv == null || fromEnv.isBlank())
                    && (!Files.isRegularFile(keyFile) || Files.readString(keyFile).isBlank())) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
                Files.deleteIfExists(tmp);
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, HexFormat.of().formatHex(random));
                Files.move(tmp, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else if (fromEnv == null || fromEnv.isBlank()) {
                try {
                    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
                } catch (IOException | UnsupportedOperationException e) {
                    // best effort, as chmod: a file of another owner stays as it is
                }
            }
            try {
                return find(env, keyFile);
            } catch (Stop e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
