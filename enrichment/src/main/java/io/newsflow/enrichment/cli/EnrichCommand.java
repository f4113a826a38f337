package io.newsflow.enrichment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.articles.ArticleFileType;
import io.newsflow.articles.ArticleSubmission;
import io.newsflow.articles.InvalidSubmissionException;
import io.newsflow.articles.SubmissionParser;
import io.newsflow.articles.SubmissionParser.Metadata;
import io.newsflow.enrichment.Enricher;
import io.newsflow.events.EventJson;
import io.newsflow.events.PublishedDates;
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
                "PATH: .txt (first non-blank line is the title, the rest the body; a one-line file is all body), "
                        + ".html, .json (an article or an array), .ndjson files, or folders of them, read as ingest reads "
                        + "them (so an article gets the id ingest gives it); '-' reads NDJSON from stdin: "
                        + "{\"id\", \"title\"?, \"text\"?, \"html\"?, \"publishedAt\"?, \"clean\"?} per line.",
                "A bad input gives {\"id\", \"error\", \"input\"} in its place and the rest go on."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (bad inputs are reported inline)", "1:runtime failure", "2:usage error"})
public final class EnrichCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = EventJson.mapper();
    /** The reader ingest uses: the same file gives the same article, and the same id, here and through ingest. */
    private static final SubmissionParser PARSER = new SubmissionParser(JSON);
    private static final Metadata NO_METADATA = new Metadata(null, null, null, null, null);

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders; '-' for NDJSON on stdin")
    List<String> paths;

    @Option(names = "--published", paramLabel = "DATE",
            description = "publication date (ISO-8601 date or date-time) of inputs that have none (neither given nor on the page)")
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
        if (published != null && !PublishedDates.isStorable(published)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--published must be an ISO-8601 date or date-time "
                    + PublishedDates.RANGE + ", e.g. 2019-05-30: " + published);
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
                files = walk.filter(Files::isRegularFile).filter(f -> ArticleFileType.of(f).isPresent()).sorted().toList();
            }
            for (Path f : files) {
                readFile(f, window);
            }
        } else {
            readFile(path, window);
        }
    }

    private void readFile(Path file, Window window) throws IOException, InterruptedException {
        // a file named explicitly with another extension is read as text
        ArticleFileType type = ArticleFileType.of(file).orElse(ArticleFileType.TEXT);
        String origin = file.toString();
        switch (type) {
            case NDJSON -> {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    readNdjson(reader, origin, window);
                }
            }
            case JSON -> readJsonFile(file, origin, window);
            case HTML -> window.submit(origin, null, () -> fromHtml(SubmissionParser.utf8(Files.readAllBytes(file))));
            case TEXT -> window.submit(origin, null, () -> fromPlainText(SubmissionParser.utf8(Files.readAllBytes(file))));
        }
    }

    private void readJsonFile(Path file, String origin, Window window) throws InterruptedException {
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

    /** A .txt file as ingest takes text/plain: the first non-blank line is the title, the rest the body. */
    Input fromPlainText(String content) {
        ArticleSubmission s = parse(() -> PARSER.fromPlainText(content, NO_METADATA));
        return input(s, s.id(), s.text(), !noClean);
    }

    /** An .html file as ingest takes text/html: title, date, canonical URL (the id) and language from the page. */
    Input fromHtml(String html) {
        ArticleSubmission s = parse(() -> PARSER.fromHtml(html, NO_METADATA));
        return input(s, s.id(), null, !noClean);
    }

    /** A JSON article as ingest takes it, plus the command line's own fields: {@code id} and {@code clean}. */
    Input fromJson(JsonNode node) {
        ArticleSubmission s = parse(() -> PARSER.fromJson(node));
        JsonNode cleanNode = node.get("clean");
        if (cleanNode != null && !cleanNode.isNull() && !cleanNode.isBoolean()) {
            throw new IllegalArgumentException("\"clean\" must be true or false");
        }
        boolean clean = cleanNode == null || cleanNode.isNull() ? !noClean : cleanNode.booleanValue();
        String id = idOf(node);
        // without cleaning the output text is exactly the input text, so that offsets index the input
        String text = s.text() == null ? null : clean ? s.text() : node.get("text").asText();
        return input(s, id != null ? id : s.id(), text, clean);
    }

    /** The parser's verdict on a bad article, field by field ("publishedAt: must be ..."). */
    private static ArticleSubmission parse(Supplier<ArticleSubmission> parsing) {
        try {
            return parsing.get();
        } catch (InvalidSubmissionException e) {
            throw new IllegalArgumentException(e.summary(), e);
        }
    }

    /** The article to enrich; {@code --published} dates one that has no date, neither given nor on its page. */
    private Input input(ArticleSubmission s, String id, String text, boolean clean) {
        boolean dated = s.publishedAt() != null;
        String date = dated ? s.publishedAt() : published == null ? null : PublishedDates.normalise(published).orElseThrow();
        String basis = dated ? s.publishedAtBasis() : date == null ? null : "given";
        return new Input(new RawArticle(RawArticle.SCHEMA_VERSION, id, s.externalId(), s.url(), s.source(), s.title(),
                text, s.html(), s.language(), date, basis, null), clean);
    }

    /** The input's id: a string, or a number taken as its text. */
    private static String idOf(JsonNode node) {
        JsonNode id = node == null || !node.isObject() ? null : node.get("id");
        return id != null && (id.isTextual() || id.isNumber()) && !id.asText().isBlank() ? id.asText() : null;
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
