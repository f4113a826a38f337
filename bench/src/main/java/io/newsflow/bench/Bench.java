package io.newsflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' command line:
 * <pre>
 *   Bench query    [--articles 100000] [--samples 200] [--warmup 20] [--seconds 15] [--jdbc-url URL]
 *   Bench pipeline [--articles 10000] [--seconds 60]
 *   Bench scaling  [--articles 1500] [--instances 3] [--concurrency 1]
 * </pre>
 * Run from the repository root (or pass {@code --root DIR}) after packaging the services. Exit code 0: done and
 * every plan check passed; 1: a plan check failed (the query that scans sequentially is named); 2: usage.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    public static int run(String... args) throws Exception {
        if (args.length == 0 || !List.of("query", "pipeline", "scaling").contains(args[0])) {
            return usage();
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                return usage();
            }
            options.put(args[i].substring(2), args[++i]);
        }
        Path root = Path.of(options.getOrDefault("root", System.getProperty("newsflow.root", "."))).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("api-service"))) {
            System.err.println("not the repository root: " + root + " (use --root DIR)");
            return 2;
        }
        machine();
        if (args[0].equals("query")) {
            boolean ok = new QueryBench(root, intOption(options, "articles", 100_000), intOption(options, "samples", 200),
                    intOption(options, "warmup", 20), Duration.ofSeconds(intOption(options, "seconds", 15)),
                    options.get("jdbc-url")).run();
            return ok ? 0 : 1;
        }
        if (args[0].equals("scaling")) {
            new ScalingBench(root, intOption(options, "articles", 1_500), intOption(options, "instances", 3),
                    intOption(options, "concurrency", 1)).run();
            return 0;
        }
        String stages = options.getOrDefault("stages", "all");
        if (!stages.equals("all") && !stages.equals("upserts")) {
            return usage();
        }
        new PipelineBench(root, intOption(options, "articles", 10_000), Duration.ofSeconds(intOption(options, "seconds", 60)),
                stages.equals("upserts")).run();
        return 0;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name).replace("_", "")) : fallback;
    }

    private static void machine() {
        System.out.printf("machine: %d cores, Java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static int usage() {
        System.err.println("usage: Bench query [--articles N] [--samples N] [--warmup N] [--seconds N] [--jdbc-url URL] [--root DIR]");
        System.err.println("       Bench pipeline [--articles N] [--seconds N] [--stages all|upserts] [--root DIR]");
        System.err.println("       (--stages upserts: the baselines and api upserts only, not saturation and latency)");
        System.err.println("       Bench scaling [--articles N] [--instances N] [--concurrency N] [--root DIR]");
        return 2;
    }
}
