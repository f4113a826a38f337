package io.newsflow.bench;

import io.newsflow.infra.InJvmKafka;
import io.newsflow.infra.LocalPostgres;
import io.newsflow.infra.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.newsflow.infra.ServiceProcess.environment;

/**
 * Issue 5's scaling curve: the sustained ingest-to-queryable rate with 1, 2, ... enrich-service instances (each
 * with {@code concurrency} consumers), everything else as in {@link PipelineBench}, on a fresh Kafka and PostgreSQL
 * per step. Each step also shows where the machine's CPU went (per process, from /proc) and, with a Java Flight
 * Recorder profile of the enrich instances taken during the measured window only, where enrichment spends its time.
 */
final class ScalingBench {

    private static final String ENRICH_GROUP = "newsflow-enrich";
    private static final int WARMUP_ARTICLES = 200;

    private final Path root;
    private final int articles;
    private final int maxInstances;
    private final int concurrency;
    private final PipelineBench pipeline;

    ScalingBench(Path root, int articles, int maxInstances, int concurrency) {
        this.root = root;
        this.articles = articles;
        this.maxInstances = maxInstances;
        this.concurrency = concurrency;
        this.pipeline = new PipelineBench(root, articles + WARMUP_ARTICLES, Duration.ZERO, false);
    }

    private record Step(int instances, double articlesPerSecond, double seconds, Map<String, Double> cpuSeconds,
                        double machineCpuSeconds, EnrichProfile profile) {
    }

    void run() throws Exception {
        System.out.printf("scaling benchmark: %,d articles (~2 KB) per step, 1..%d enrich instances x %d consumer(s)%n",
                articles, maxInstances, concurrency);
        List<Step> steps = new ArrayList<>();
        for (int n = 1; n <= maxInstances; n++) {
            Step step = step(n);
            steps.add(step);
            System.out.printf("%d enrich instance(s): %.1f articles/s (%,d articles in %.0f s), load average %s%n",
                    n, step.articlesPerSecond(), articles, step.seconds(), Bench.loadAverage());
        }
        report(steps);
    }

    private Step step(int instances) throws Exception {
        Path data = Files.createTempDirectory("newsflow-bench-pg");
        List<ServiceProcess> services = new ArrayList<>();
        try (InJvmKafka kafka = InJvmKafka.start();
             LocalPostgres pg = LocalPostgres.startPersistent(PipelineBench.freePort(), data);
             Connection db = DriverManager.getConnection(pg.jdbcUrl(), LocalPostgres.USER, "")) {
            Map<String, String> kafkaEnv = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            ServiceProcess ingest = PipelineBench.startIngest(root, kafkaEnv);
            services.add(ingest);
            List<ServiceProcess> enrich = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                enrich.add(ServiceProcess.start(root, "enrich-service", "1536m", environment(kafkaEnv, Map.of(
                        "NEWSFLOW_ENRICH_CONCURRENCY", String.valueOf(concurrency)))));
            }
            services.addAll(enrich);
            ServiceProcess api = PipelineBench.startApi(root, kafkaEnv, pg);
            services.add(api);
            for (ServiceProcess s : services) {
                s.awaitReady(Duration.ofSeconds(180));
            }
            awaitEnrichGroup(kafka.bootstrapServers(), instances * concurrency);
            // JIT, model caches and connections warm on every instance (~70 articles each at 3) before the clock starts
            pipeline.saturate(ingest.url(), db, "warmup", 0, WARMUP_ARTICLES);

            enrich.forEach(ScalingBench::startRecording);
            Map<String, Double> cpuBefore = cpu(ingest, enrich, api);
            double machineBefore = machineBusySeconds();
            PipelineBench.Saturation s = pipeline.saturate(ingest.url(), db, "scaling", WARMUP_ARTICLES, articles);
            double machine = machineBusySeconds() - machineBefore;
            Map<String, Double> cpu = cpu(ingest, enrich, api);
            cpu.replaceAll((name, after) -> after - cpuBefore.get(name));
            EnrichProfile profile = new EnrichProfile();
            for (ServiceProcess e : enrich) {
                profile.add(dumpRecording(e));
            }
            return new Step(instances, s.sustained(), s.seconds(), cpu, machine, profile);
        } finally {
            for (ServiceProcess s : services) {
                s.close();
            }
            PipelineBench.deleteTree(data);
        }
    }

    private static Map<String, Double> cpu(ServiceProcess ingest, List<ServiceProcess> enrich, ServiceProcess api) {
        return new java.util.HashMap<>(Map.of(
                "ingest", ingest.cpuSeconds(),
                "enrich", enrich.stream().mapToDouble(ServiceProcess::cpuSeconds).sum(),
                "api", api.cpuSeconds()));
    }

    /** Until the group has all its consumers and they hold every partition: no rebalance inside the measurement. */
    private static void awaitEnrichGroup(String bootstrap, int consumers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(ENRICH_GROUP)).all().get().get(ENRICH_GROUP);
                int assigned = group.members().stream().map(MemberDescription::assignment)
                        .mapToInt(a -> a.topicPartitions().size()).sum();
                if (group.members().size() == consumers && assigned == 6) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the enrich group never had " + consumers + " consumers on all partitions");
        }
    }

    /** CPU time all cores spent outside idle and iowait since boot, in seconds (/proc/stat, USER_HZ = 100). */
    private static double machineBusySeconds() throws java.io.IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i : new int[]{1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
            busy += Long.parseLong(f[i]);
        }
        return busy / 100.0;
    }

    // ---- Java Flight Recorder, through jcmd, so that only the measured window is profiled ----------------------

    private static void startRecording(ServiceProcess enrich) {
        jcmd(enrich, "JFR.start", "name=scaling", "settings=profile");
    }

    private static Path dumpRecording(ServiceProcess enrich) throws Exception {
        Path file = Files.createTempFile("newsflow-enrich-" + enrich.pid() + "-", ".jfr");
        jcmd(enrich, "JFR.dump", "name=scaling", "filename=" + file);
        jcmd(enrich, "JFR.stop", "name=scaling");
        return file;
    }

    private static void jcmd(ServiceProcess target, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(target.pid())));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + out);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- report -----------------------------------------------------------------------------------------------

    private void report(List<Step> steps) {
        double base = steps.get(0).articlesPerSecond();
        System.out.printf("%nScaling curve (%d consumer(s) per enrich instance; 6 partitions):%n", concurrency);
        System.out.println("| enrich instances | consumers | articles/s | x vs 1 instance | CPU busy (of 2 cores) | enrich | ingest | api | Kafka + PostgreSQL + load |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int cores = Runtime.getRuntime().availableProcessors();
        for (Step s : steps) {
            double capacity = s.seconds() * cores;
            double services = s.cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf("| %d | %d | %.1f | x%.2f | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% |%n",
                    s.instances(), s.instances() * concurrency, s.articlesPerSecond(), s.articlesPerSecond() / base,
                    100 * s.machineCpuSeconds() / capacity, 100 * s.cpuSeconds().get("enrich") / capacity,
                    100 * s.cpuSeconds().get("ingest") / capacity, 100 * s.cpuSeconds().get("api") / capacity,
                    100 * (s.machineCpuSeconds() - services) / capacity);
        }
        System.out.printf("%nCPU seconds per article: enrich / whole machine%n");
        for (Step s : steps) {
            System.out.printf("  %d instance(s): %.3f / %.3f%n", s.instances(), s.cpuSeconds().get("enrich") / articles,
                    s.machineCpuSeconds() / articles);
        }
        System.out.printf("%nWhere the enrich instances spend their time (JFR execution samples, measured window only):%n");
        EnrichProfile.printSideBySide(steps.stream().map(Step::profile).toList(),
                steps.stream().map(s -> s.instances() + " inst.").toList());
    }
}
