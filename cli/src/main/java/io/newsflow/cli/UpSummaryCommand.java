package io.newsflow.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code newsflow up-summary}: the lines {@code ./newsflow up} ends with (URLs, the ingest key, where the logs are).
 * The instances and their ports come from the run folder's NAME.port records, which the script writes as it starts
 * each process; the ingest key as ingest finds it ($NEWSFLOW_API_KEY, else the one kept in --key-file).
 */
@Command(name = "up-summary", hidden = true, description = "The summary './newsflow up' prints once everything runs.")
final class UpSummaryCommand implements Runnable {

    private static final Pattern INSTANCE = Pattern.compile("(ingest-service|enrich-service|api-service)(?:-(\\d+))?\\.port");

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "the run folder (NAME.port records)")
    Path run;

    @Option(names = "--took", required = true, paramLabel = "TIME", description = "how long 'up' took, e.g. 41.2s")
    String took;

    @Option(names = "--key-file", required = true, paramLabel = "FILE", description = "where 'up' keeps the ingest key")
    Path keyFile;

    @Option(names = "--database", required = true, paramLabel = "JDBC_URL")
    String database;

    @Option(names = "--database-user", required = true, paramLabel = "USER")
    String databaseUser;

    @Option(names = "--logs", required = true, paramLabel = "DIR")
    String logs;

    private final PrintStream out;
    private final Map<String, String> env;

    UpSummaryCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    /** A running service instance: SERVICE, its number (1 for the first) and port. */
    record Instance(String service, int number, String port) {
    }

    @Override
    public void run() {
        IngestCommand.IngestKey key;
        try {
            key = IngestCommand.IngestKey.findOrCreate(env, keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instance> instances = instances(run);
        List<String> api = urls(instances, "api-service", "/");
        List<String> ingest = urls(instances, "ingest-service", "");
        List<String> enrich = urls(instances, "enrich-service", "/q/health");
        out.printf("%nNewsflow is up (%s).%n%n", took);
        if (!api.isEmpty()) {
            String first = api.get(0);
            line("Web UI", first);
            line("Query API", first + "articles   (Swagger UI: " + first + "q/swagger-ui)");
            if (api.size() > 1) {
                out.printf("  %-18s %s%n", "more API instances", String.join(" ", api.subList(1, api.size())));
            }
        }
        if (!ingest.isEmpty()) {
            line("Ingest API", ingest.get(0) + "/articles   (Swagger UI: " + ingest.get(0) + "/q/swagger-ui)");
            line("Ingest key", key.value() + "   (" + key.source() + ")");
        }
        if (!enrich.isEmpty()) {
            out.printf("  %-18s %s%n", "Enrichment health", String.join(" ", enrich));
        }
        line("Kafka", "127.0.0.1:" + port(run.resolve("kafka.port")).orElse("?"));
        line("PostgreSQL", database + " (user " + databaseUser + ")");
        line("Logs", logs);
        out.printf("%n  Send articles:  ./newsflow ingest PATH...   (or curl -H \"Authorization: Bearer <key>\" ...)%n");
        out.printf("  Stop:           ./newsflow down%n");
        out.flush();
    }

    private void line(String what, String value) {
        out.printf("  %-18s %s%n", what, value);
    }

    /** The service instances recorded in RUN, by service then number. */
    static List<Instance> instances(Path run) {
        List<Instance> instances = new ArrayList<>();
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = INSTANCE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    int number = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                    port(file).ifPresent(port -> instances.add(new Instance(m.group(1), number, port)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + run, e);
        }
        instances.sort(Comparator.comparing(Instance::service).thenComparingInt(Instance::number));
        return instances;
    }

    private static List<String> urls(List<Instance> instances, String service, String path) {
        return instances.stream().filter(i -> i.service().equals(service))
                .map(i -> "http://localhost:" + i.port() + path).toList();
    }

    private static Optional<String> port(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
