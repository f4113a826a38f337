package io.newsflow.infra;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus service (fast-jar) running as its own process, as in production: for the end-to-end tests and
 * the benchmarks. Its console output goes to {@code target/service-logs/<module>-<port>.log} under the repository root.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Path root;
    private final String name;
    private final String heap;
    private final Map<String, String> env;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(Path root, String name, String heap, Map<String, String> env, int port, Process process, Path log) {
        this.root = root;
        this.name = name;
        this.heap = heap;
        this.env = env;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess start(Path root, String module, String heap, Map<String, String> env) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -DskipTests package does)");
        }
        int port = freePort();
        Path log = root.resolve("target/service-logs/" + module + "-" + port + ".log"); // several instances of a module
        Files.createDirectories(log.getParent());
        // as ./newsflow starts the services: CoreNLP's CRF feature extraction compiled (enrichment's HugeMethodCompilation)
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + heap, "-XX:-DontCompileHugeMethods", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return new ServiceProcess(root, module, heap, env, port, pb.start(), log);
    }

    /**
     * One environment for {@link #start} from several (Kafka's, PostgreSQL's, a test's own settings): a name given
     * twice takes the later value.
     */
    @SafeVarargs
    public static Map<String, String> environment(Map<String, String>... parts) {
        Map<String, String> env = new HashMap<>();
        for (Map<String, String> part : parts) {
            env.putAll(part);
        }
        return env;
    }

    /** The same service started again, as a supervisor would after a crash (on another free port). */
    public ServiceProcess restart() throws IOException {
        return start(root, name, heap, env);
    }

    /** kill -9: no shutdown hook, no commit, no leave-group, as when a machine dies. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived kill -9");
        }
    }

    /** SIGTERM and wait for the exit, at most the timeout; true when it exited in time. */
    public boolean stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    /** The service's console output (JSON lines: the packaged service runs in the prod profile). */
    public Path log() {
        return log;
    }

    @Override
    public String toString() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log:\n" + tail());
    }

    /** A Prometheus counter or gauge from /q/metrics, summed over its labels; 0 when absent or not answering. */
    public double metric(String name) {
        try {
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Resident set size of the process in MiB, from /proc (Linux); -1 where that is not readable. */
    public long rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The operating system's process id (for jcmd, /proc). */
    public long pid() {
        return process.pid();
    }

    /** CPU time (user + system) the process used so far, in seconds, from /proc (Linux); -1 where not readable. */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // the name may contain spaces
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in USER_HZ (100)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: graceful shutdown
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
