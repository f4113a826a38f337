package io.newsflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.infra.ServiceProcess;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EventJson;
import io.newsflow.infra.InJvmKafka;
import io.newsflow.infra.LocalPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.newsflow.infra.ServiceProcess.environment;

/**
 * Issue 5: the three packaged services on a local Kafka and PostgreSQL (with durable settings, as ./newsflow up
 * runs it), fed with generated ~2 KB news articles:
 * <ol>
 *   <li>stage baselines: Kafka's raw producer (acks=all, idempotent, 2 KB records) and a plain JDBC batch insert
 *       of article-sized rows on the same PostgreSQL;</li>
 *   <li>api upserts/s: pre-enriched articles straight onto articles.enriched, until all are stored;</li>
 *   <li>saturation: N articles into ingest as fast as it accepts them (ingest requests/s), then the sustained
 *       ingest-to-queryable rate until all are stored;</li>
 *   <li>latency at 50% and 90% of that rate: paced sends, ingest-to-queryable p50/p99 (queryable = the article
 *       row's stored_at, set in the storing transaction);</li>
 *   <li>reads while writing: query latency of one reader at rest and during the saturation phase;</li>
 *   <li>RSS of each service at rest and at its peak under load.</li>
 * </ol>
 * The ingest rate limit is raised for the run (NEWSFLOW_INGEST_RATE_LIMIT_*); everything shares this machine's cores.
 */
final class PipelineBench {

    static final String KEY = "bench-key";
    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = EventJson.mapper();

    private final Path root;
    private final int articles;
    private final Duration phase;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Corpus corpus;
    private final boolean upsertsOnly;

    PipelineBench(Path root, int articles, Duration phase, boolean upsertsOnly) {
        this.root = root;
        this.articles = articles;
        this.phase = phase;
        this.upsertsOnly = upsertsOnly;
        this.corpus = Corpus.forArticles(7, articles);
    }

    void run() throws Exception {
        System.out.printf("pipeline benchmark: %,d articles (~2 KB), latency phases of %ds%n", articles, phase.toSeconds());
        Path data = Files.createTempDirectory("newsflow-bench-pg");
        try (InJvmKafka kafka = InJvmKafka.start();
             LocalPostgres pg = LocalPostgres.startPersistent(freePort(), data);
             Connection db = DriverManager.getConnection(pg.jdbcUrl(), LocalPostgres.USER, "")) {
            double producerLimit = kafkaProducerBaseline(kafka.bootstrapServers(), Math.max(2_000, articles * 2));
            double jdbcLimit = jdbcBaseline(pg.jdbcUrl(), Math.max(1_000, articles));

            Map<String, String> kafkaEnv = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            try (ServiceProcess ingest = startIngest(root, kafkaEnv);
                 ServiceProcess enrich = ServiceProcess.start(root, "enrich-service", "1536m", kafkaEnv);
                 ServiceProcess api = startApi(root, kafkaEnv, pg)) {
                List<ServiceProcess> services = List.of(ingest, enrich, api);
                for (ServiceProcess s : services) {
                    s.awaitReady(Duration.ofSeconds(180));
                }
                Thread.sleep(5_000);
                System.out.printf("%nRSS at rest (MiB): ingest %d, enrich %d, api %d%n", ingest.rssMib(), enrich.rssMib(), api.rssMib());
                RssPeaks peaks = new RssPeaks(services);

                double upserts;
                Latencies readsUnderUpserts;
                try (ReadProbe probe = ReadProbe.start(api.url())) {
                    upserts = apiUpserts(kafka.bootstrapServers(), db, Math.max(500, articles / 2));
                    readsUnderUpserts = probe.latencies();
                }
                System.out.printf("api upserts: %.0f articles/s vs plain JDBC batch insert %.0f rows/s (x%.2f)%n",
                        upserts, jdbcLimit, upserts / jdbcLimit);
                if (upsertsOnly) {
                    peaks.stop();
                    return;
                }

                Latencies readsAtRest = ReadProbe.forDuration(api.url(), Duration.ofSeconds(20));
                System.out.printf("reads (%s, 5/s) at rest: p50 %.1f ms, p99 %.1f ms (%d); during the api upserts: p50 %.1f ms,"
                                + " p99 %.1f ms (%d): x%.1f / x%.1f%n", String.join(", ", ReadProbe.QUERIES),
                        readsAtRest.percentileMs(50), readsAtRest.percentileMs(99), readsAtRest.count(),
                        readsUnderUpserts.percentileMs(50), readsUnderUpserts.percentileMs(99), readsUnderUpserts.count(),
                        readsUnderUpserts.percentileMs(50) / readsAtRest.percentileMs(50),
                        readsUnderUpserts.percentileMs(99) / readsAtRest.percentileMs(99));
                Saturation s;
                Latencies readsUnderWrites;
                try (ReadProbe probe = ReadProbe.start(api.url())) {
                    s = saturate(ingest.url(), db);
                    readsUnderWrites = probe.latencies();
                }
                System.out.printf("reads during the saturated pipeline: p50 %.1f ms, p99 %.1f ms (%d): x%.1f / x%.1f%n",
                        readsUnderWrites.percentileMs(50), readsUnderWrites.percentileMs(99), readsUnderWrites.count(),
                        readsUnderWrites.percentileMs(50) / readsAtRest.percentileMs(50),
                        readsUnderWrites.percentileMs(99) / readsAtRest.percentileMs(99));
                System.out.printf("ingest: %.0f requests/s (%d clients) vs Kafka raw producer %.0f records/s (x%.2f)%n",
                        s.ingestPerSecond(), CLIENTS, producerLimit, s.ingestPerSecond() / producerLimit);
                System.out.printf("sustained ingest -> queryable: %.1f articles/s (%,d articles in %.0f s)%n",
                        s.sustained(), articles, s.seconds());

                for (double share : new double[]{0.5, 0.9}) {
                    double rate = s.sustained() * share;
                    Latencies l = paced(ingest.url(), db, rate, "paced-" + (int) (share * 100));
                    System.out.printf("ingest -> queryable at %.0f%% (%.1f articles/s): p50 %.0f ms, p99 %.0f ms (%d articles)%n",
                            share * 100, rate, l.percentileMs(50), l.percentileMs(99), l.count());
                }
                peaks.stop();
                System.out.printf("RSS peak under load (MiB): ingest %d, enrich %d, api %d; load average %s%n",
                        peaks.peak(ingest), peaks.peak(enrich), peaks.peak(api), Bench.loadAverage());
            }
        } finally {
            deleteTree(data);
        }
    }

    /** ingest-service as the benchmarks run it: with the bench's key and the rate limit out of the way. */
    static ServiceProcess startIngest(Path root, Map<String, String> kafkaEnv) throws IOException {
        return ServiceProcess.start(root, "ingest-service", "256m", environment(kafkaEnv, Map.of(
                "NEWSFLOW_API_KEY", KEY,
                // raised for the benchmark: the default (100/s, burst 200 per key) would measure the limiter
                "NEWSFLOW_INGEST_RATE_LIMIT_REQUESTS", "1000000",
                "NEWSFLOW_INGEST_RATE_LIMIT_BURST", "1000000")));
    }

    static ServiceProcess startApi(Path root, Map<String, String> kafkaEnv, LocalPostgres pg) throws IOException {
        return ServiceProcess.start(root, "api-service", "384m", environment(kafkaEnv, pg.serviceEnvironment()));
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---- baselines ------------------------------------------------------------------------------------------

    /** Like kafka's ProducerPerformance: 2 KB records, acks=all, idempotent, as fast as the client sends them. */
    private double kafkaProducerBaseline(String bootstrap, int records) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("bench.producer", 6, (short) 1))).all().get();
        }
        String value = corpus.article(0).text().substring(0, 2_000);
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int i = 0; i < 500; i++) { // warm-up: metadata, connections, JIT
                producer.send(new ProducerRecord<>("bench.producer", "w" + i, value));
            }
            producer.flush();
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench.producer", UUID.randomUUID().toString(), value));
            }
            producer.flush();
            double perSecond = records / seconds(start);
            System.out.printf("Kafka raw producer baseline: %.0f records/s (%,d x 2 KB, acks=all, idempotent)%n", perSecond, records);
            return perSecond;
        }
    }

    /** Article-sized rows (2 KB text + the entities as jsonb) in JDBC batches of 500 on the same database. */
    private double jdbcBaseline(String jdbcUrl, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl + "?reWriteBatchedInserts=true", LocalPostgres.USER, "")) {
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE bench_jdbc_baseline (id uuid PRIMARY KEY, title text, body text, entities jsonb)");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_jdbc_baseline VALUES (?, ?, ?, ?::jsonb)")) {
                for (int i = 0; i < rows; i++) {
                    EnrichedArticle a = corpus.article(i);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, a.title());
                    insert.setString(3, a.text());
                    insert.setString(4, JSON.writeValueAsString(a.entities()));
                    insert.addBatch();
                    if ((i + 1) % 500 == 0 || i == rows - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            double perSecond = rows / seconds(start);
            try (var st = c.createStatement()) {
                st.execute("DROP TABLE bench_jdbc_baseline");
            }
            c.commit();
            System.out.printf("plain JDBC batch insert baseline: %.0f rows/s (%,d article-sized rows, batches of 500)%n", perSecond, rows);
            return perSecond;
        }
    }

    // ---- stages ---------------------------------------------------------------------------------------------

    /** Enriched articles straight onto articles.enriched; the api's store rate until all are rows. */
    private double apiUpserts(String bootstrap, Connection db, int count) throws Exception {
        String source = "upsert";
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int i = 0; i < count; i++) {
                EnrichedArticle a = corpus.article(1_000_000 + i);
                EnrichedArticle e = new EnrichedArticle(a.schemaVersion(), UUID.randomUUID().toString(), a.externalId(), null,
                        source, a.title(), a.text(), a.language(), a.publishedAt(), Instant.now(), a.entities(), a.dates(), a.enrichment());
                producer.send(new ProducerRecord<>("articles.enriched", e.id(), JSON.writeValueAsString(e)));
            }
        }
        awaitStored(db, source, count, Duration.ofMinutes(10));
        return count / seconds(start);
    }

    record Saturation(double ingestPerSecond, double sustained, double seconds) {
    }

    /** All articles into ingest as fast as it takes them, then wait until every one is queryable. */
    private Saturation saturate(String ingestUrl, Connection db) throws Exception {
        return saturate(ingestUrl, db, "saturation", 0, articles);
    }

    /** Articles {@code first} .. {@code first + count - 1} of the corpus, tagged with {@code source}. */
    Saturation saturate(String ingestUrl, Connection db, String source, int first, int count) throws Exception {
        AtomicInteger next = new AtomicInteger(first);
        int end = first + count;
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Object>> done = clients.invokeAll(java.util.Collections.nCopies(CLIENTS, () -> {
                for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
                    post(ingestUrl, source, i);
                }
                return null;
            }));
            for (Future<Object> f : done) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        double ingestSeconds = seconds(start);
        awaitStored(db, source, count, Duration.ofMinutes(30));
        double total = seconds(start);
        return new Saturation(count / ingestSeconds, count / total, total);
    }

    /** Open-loop sends at {@code rate}/s for one phase; latency from each send to its stored_at. */
    private Latencies paced(String ingestUrl, Connection db, double rate, String source) throws Exception {
        int count = Math.max(10, (int) (rate * phase.toSeconds()));
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS * 4);
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = 2_000_000 + i;
            clients.submit(() -> {
                sentAt.put("a" + n, Instant.now());
                post(ingestUrl, source, n);
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.MINUTES);
        awaitStored(db, source, count, Duration.ofMinutes(15));
        Latencies l = new Latencies();
        try (PreparedStatement st = db.prepareStatement("SELECT external_id, stored_at FROM article WHERE source = ?")) {
            st.setString(1, source);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Instant stored = rs.getTimestamp(2).toInstant();
                    l.add(Duration.between(sentAt.get(rs.getString(1)), stored).toNanos());
                }
            }
        }
        return l;
    }

    private void post(String ingestUrl, String source, int i) throws Exception {
        EnrichedArticle a = corpus.article(i);
        ObjectNode body = JSON.createObjectNode()
                .put("title", a.title()).put("text", a.text()).put("source", source).put("externalId", "a" + i)
                .put("publishedAt", a.publishedAt().value());
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/articles"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void awaitStored(Connection db, String source, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement st = db.prepareStatement("SELECT count(*) FROM article WHERE source = ?")) {
            st.setString(1, source);
            while (true) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= count) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + rs.getLong(1) + " of " + count + " '" + source + "' articles stored after " + timeout);
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Highest RSS of each service, sampled twice a second while the load runs. */
    private static final class RssPeaks {
        private final Map<ServiceProcess, AtomicLong> peaks = new ConcurrentHashMap<>();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        RssPeaks(List<ServiceProcess> services) {
            services.forEach(s -> peaks.put(s, new AtomicLong()));
            sampler.scheduleAtFixedRate(() -> peaks.forEach((s, peak) -> peak.accumulateAndGet(s.rssMib(), Math::max)),
                    0, 500, TimeUnit.MILLISECONDS);
        }

        long peak(ServiceProcess s) {
            return peaks.get(s).get();
        }

        void stop() {
            sampler.shutdownNow();
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
