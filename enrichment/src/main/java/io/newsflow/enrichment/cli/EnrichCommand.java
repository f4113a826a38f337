package io.newsflow.enrichment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrichment.Enricher;
import io.newsflow.events.ArticleIds;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code newsflow enrich}: enrichment alone, no Kafka, no database. One EnrichedArticle JSON per input article
 * on stdout; messages on stderr.
 *
 * <p>Models load once; articles are enriched on a thread pool (all cores by default) with at most a few
 * articles per thread in flight, so memory stays bounded on any input size. Output keeps input order.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true, versionProvider = EnrichCommand.Version.class,
        description = {"Enrich articles and print one EnrichedArticle JSON per line on stdout.",
                "PATH: .txt (first non-blank line is the title), .html, .json (an article or an array), "
                        + ".ndjson files, or folders of them; '-' reads NDJSON from stdin: "
                        + "{\"id\", \"title\"?, \"text\"?, \"html\"?, \"publishedAt\"?, \"clean\"?} per line.",
                "A bad input gives {\"id\", \"error\", \"input\"} in its place and the rest go on."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (bad inputs are reported inline)", "1:runtime failure", "2:usage error"})
public final class EnrichCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = EventJson.mapper();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders; '-' for NDJSON on stdin")
    List<String> paths;

    @Option(names = "--published", paramLabel = "DATE",
            description = "publication date (ISO-8601 date or date-time) of inputs that have none")
    String published;

    @Option(names = "--no-clean", description = "keep the input text as is (no boilerplate removal)")
    boolean noClean;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--stats", description = "print model load time and throughput to stderr")
    boolean stats;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Supplier<Enricher> enricherFactory;

    EnrichCommand(InputStream stdin, PrintStream stdout, PrintStream stderr, Supplier<Enricher> enricherFactory) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.enricherFactory = enricherFactory;
    }

    public static void main(String[] args) {
        // stdout carries JSON only: anything a library prints goes to stderr
        PrintStream data = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR"); // no "no SLF4J providers" notice
        }
        int code;
        try {
            code = run(args, System.in, data, System.err, Enricher::new);
        } catch (OutOfMemoryError e) {
            System.err.println("enrich: out of memory; give the JVM more heap (e.g. -Xmx512m)");
            code = CommandLine.ExitCode.SOFTWARE;
        }
        data.flush();
        System.exit(code);
    }

    /** Runs the command in-process; returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Supplier<Enricher> enricherFactory) {
        CommandLine cl = new CommandLine(new EnrichCommand(in, out, err, enricherFactory));
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("enrich: " + ex);
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        validate();
        long loadStart = System.nanoTime();
        Enricher enricher = enricherFactory.get();
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
        long runStart = System.nanoTime();
        long tokensBefore = enricher.tokensProcessed();

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "enrich-worker");
            t.setDaemon(true);
            return t;
        });
        Window window = new Window(pool, Math.max(1, threads) * 4, enricher);
        try {
            for (String p : paths) {
                if (p.equals("-")) {
                    readNdjson(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), "stdin", window);
                } else {
                    readPath(Path.of(p), window);
                }
            }
            window.drain();
        } finally {
            pool.shutdownNow();
        }
        if (stdout.checkError()) {
            stderr.println("enrich: cannot write to stdout");
            return CommandLine.ExitCode.SOFTWARE;
        }
        if (stats) {
            double seconds = (System.nanoTime() - runStart) / 1e9;
            long tokens = enricher.tokensProcessed() - tokensBefore;
            stderr.printf(Locale.ROOT, "enrich: models loaded in %d ms; %d articles (%d failed), %d tokens in %.1f s: %.0f tokens/s%n",
                    loadMs, window.count, window.failed, tokens, seconds, tokens / Math.max(seconds, 1e-9));
        }
        return CommandLine.ExitCode.OK;
    }

    private void validate() {
        for (String p : paths) {
            if (!p.equals("-") && !Files.exists(Path.of(p))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "No such file or folder: " + p);
            }
        }
        if (published != null && !isIsoDate(published)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--published must be an ISO-8601 date or date-time, e.g. 2019-05-30: " + published);
        }
    }

    // ---- inputs

    /** An article to enrich and whether to clean it. */
    private record Input(RawArticle article, boolean clean) {
    }

    private void readPath(Path path, Window window) throws IOException, InterruptedException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).filter(f -> kind(f) != null).sorted().toList();
            }
            for (Path f : files) {
                readFile(f, window);
            }
        } else {
            readFile(path, window);
        }
    }

    private static String kind(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return "txt";
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "html";
        } else if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return "ndjson";
        } else if (name.endsWith(".json")) {
            return "json";
        }
        return null;
    }

    private void readFile(Path file, Window window) throws IOException, InterruptedException {
        String kind = kind(file);
        String origin = file.toString();
        if ("ndjson".equals(kind)) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                readNdjson(reader, origin, window);
            }
        } else if ("json".equals(kind)) {
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (IOException e) {
                window.submit(origin, null, () -> {
                    throw new IllegalArgumentException("not valid JSON: " + firstLine(e.getMessage()));
                });
                return;
            }
            if (root != null && root.isArray()) {
                for (int i = 0; i < root.size(); i++) {
                    JsonNode node = root.get(i);
                    window.submit(origin + "[" + i + "]", idOf(node), () -> fromJson(node));
                }
            } else {
                window.submit(origin, idOf(root), () -> fromJson(root));
            }
        } else if ("html".equals(kind)) {
            window.submit(origin, null, () -> {
                String html = Files.readString(file, StandardCharsets.UTF_8);
                String id = ArticleIds.derive(null, null, null, null, html);
                return new Input(article(id, null, null, html, null, null, null, null, null), !noClean);
            });
        } else {
            // .txt, and any file named explicitly: first non-blank line is the title, the rest the body
            window.submit(origin, null, () -> fromPlainText(Files.readString(file, StandardCharsets.UTF_8)));
        }
    }

    private void readNdjson(BufferedReader reader, String origin, Window window) throws IOException, InterruptedException {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String where = origin + ":" + number;
            JsonNode node;
            try {
                node = JSON.readTree(line); // parsed here, so that an error line can still name the id
            } catch (IOException e) {
                String message = "not valid JSON: " + firstLine(e.getMessage());
                window.submit(where, null, () -> {
                    throw new IllegalArgumentException(message);
                });
                continue;
            }
            window.submit(where, idOf(node), () -> fromJson(node));
        }
    }

    Input fromPlainText(String content) {
        String normalised = content.replace("\r\n", "\n");
        int start = 0;
        while (start < normalised.length()) {
            int nl = normalised.indexOf('\n', start);
            int end = nl < 0 ? normalised.length() : nl;
            if (!normalised.substring(start, end).isBlank()) {
                String title = normalised.substring(start, end).strip();
                String body = nl < 0 ? "" : normalised.substring(nl + 1);
                String id = ArticleIds.derive(null, null, null, title, body);
                return new Input(article(id, title, body, null, null, null, null, null, null), !noClean);
            }
            start = end + 1;
        }
        throw new IllegalArgumentException("empty file");
    }

    Input fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an article must be a JSON object");
        }
        String text = string(node, "text");
        String html = string(node, "html");
        if (text == null && html == null) {
            throw new IllegalArgumentException("one of \"text\" or \"html\" is required");
        }
        JsonNode cleanNode = node.get("clean");
        if (cleanNode != null && !cleanNode.isNull() && !cleanNode.isBoolean()) {
            throw new IllegalArgumentException("\"clean\" must be true or false");
        }
        boolean clean = cleanNode == null || cleanNode.isNull() ? !noClean : cleanNode.booleanValue();
        String publishedAt = string(node, "publishedAt");
        if (publishedAt != null && !isIsoDate(publishedAt)) {
            throw new IllegalArgumentException("\"publishedAt\" must be an ISO-8601 date or date-time: " + publishedAt);
        }
        String title = string(node, "title");
        String source = string(node, "source");
        String externalId = string(node, "externalId");
        String url = string(node, "url");
        String id = idOf(node);
        if (id == null) {
            id = ArticleIds.derive(source, externalId, url, title, text != null ? text : html);
        }
        return new Input(article(id, title, text, html, publishedAt, url, source, externalId, string(node, "language")), clean);
    }

    private RawArticle article(String id, String title, String text, String html, String publishedAt, String url,
                               String source, String externalId, String language) {
        String date = publishedAt != null ? publishedAt : published;
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, externalId, url, source, title, text, html, language,
                date, date == null ? null : "given", null);
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return v.asText();
    }

    /** The input's id: a string, or a number taken as its text. */
    private static String idOf(JsonNode node) {
        JsonNode id = node == null || !node.isObject() ? null : node.get("id");
        return id != null && (id.isTextual() || id.isNumber()) && !id.asText().isBlank() ? id.asText() : null;
    }

    static boolean isIsoDate(String s) {
        String t = s.strip();
        for (java.util.function.Consumer<String> parser : List.<java.util.function.Consumer<String>>of(
                OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse)) {
            try {
                parser.accept(t);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    // ---- work in flight

    /** A bounded, ordered window of articles being enriched: submit blocks while it is full, printing the oldest. */
    private final class Window {
        private final ExecutorService pool;
        private final int capacity;
        private final Enricher enricher;
        private final Deque<Future<Result>> inFlight = new ArrayDeque<>();
        long count;
        long failed;

        Window(ExecutorService pool, int capacity, Enricher enricher) {
            this.pool = pool;
            this.capacity = capacity;
            this.enricher = enricher;
        }

        void submit(String origin, String knownId, Callable<Input> input) throws InterruptedException {
            while (inFlight.size() >= capacity) {
                printOldest();
            }
            inFlight.add(pool.submit(() -> process(origin, knownId, input)));
        }

        void drain() throws InterruptedException {
            while (!inFlight.isEmpty()) {
                printOldest();
            }
        }

        private void printOldest() throws InterruptedException {
            Result r;
            try {
                r = inFlight.removeFirst().get();
            } catch (ExecutionException e) {
                // process() catches everything but errors (e.g. OutOfMemoryError): that is a runtime failure
                throw new IllegalStateException("enrichment failed: " + e.getCause(), e.getCause());
            }
            count++;
            if (r.error()) {
                failed++;
            }
            stdout.println(r.json());
            stdout.flush();
        }

        private Result process(String origin, String knownId, Callable<Input> input) {
            String id = knownId;
            try {
                Input in = input.call();
                id = in.article().id();
                return new Result(JSON.writeValueAsString(enricher.enrich(in.article(), in.clean())), false);
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                stderr.println("enrich: " + origin + ": " + message);
                ObjectNode error = JSON.createObjectNode();
                error.put("id", id);
                error.put("error", message);
                error.put("input", origin);
                return new Result(error.toString(), true);
            }
        }
    }

    private record Result(String json, boolean error) {
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"newsflow enrich " + Enricher.version()};
        }
    }
}
