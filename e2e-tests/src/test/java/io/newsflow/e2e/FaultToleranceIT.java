package io.newsflow.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.infra.ServiceProcess;
import io.newsflow.infra.LocalPostgres;
import io.newsflow.infra.TopicClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.newsflow.infra.ServiceProcess.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery guarantees under faults, on the packaged services as processes with a real broker and database:
 * 2,000 articles go through ingest in five scenarios of 400, each with a fault in the middle of its load
 * (kill -9 of enrich, kill -9 of api, PostgreSQL stopped, api stopped while it waits for PostgreSQL, the broker
 * killed while enrich is stopped). Every article that got a 202 must end up stored exactly once with the title
 * and text that were sent, and nothing else; poison records in both topics go to the DLQs and only they do.
 * One summary line per scenario goes to stdout and to {@code target/fault-summary.txt}.
 *
 * <p>It runs beside the other ITs of the module ({@code junit-platform.properties}): its system is its own (broker,
 * database and services on their own ports and data), and much of its time is waiting for faults to last or end.
 */
@Execution(ExecutionMode.CONCURRENT)
class FaultToleranceIT {

    private static final String KEY = "fault-key";
    private static final String SOURCE = "fault-test";
    private static final int PER_SCENARIO = 400;
    private static final Duration OUTAGE = Duration.ofSeconds(75);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path root;
    private static Path work;
    private static KafkaProcess kafka;
    private static Path pgData;
    private static int pgPort;
    private static LocalPostgres postgres;
    private static ServiceProcess ingest;
    private static ServiceProcess enrich;
    private static ServiceProcess api;
    private static final ExecutorService clients = Executors.newFixedThreadPool(4);
    private static final List<String> summary = new ArrayList<>();

    @BeforeAll
    static void startSystem() throws Exception {
        root = Path.of(System.getProperty("newsflow.root", ".."));
        // the broker's and the database's data of the last run stay here for a look after a failure
        work = root.resolve("e2e-tests/target/faults");
        if (Files.exists(work)) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(work);
        kafka = KafkaProcess.format(work.resolve("kafka"));
        kafka.start();
        pgData = work.resolve("postgres");
        pgPort = freePort();
        postgres = LocalPostgres.startPersistent(pgPort, pgData);
        Map<String, String> kafkaEnv = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        ingest = ServiceProcess.start(root, "ingest-service", "256m", environment(kafkaEnv, Map.of(
                "NEWSFLOW_API_KEY", KEY,
                // the limit stays on (the clients honour 429 + Retry-After), low enough to spread each scenario's
                // load over some seconds so that the faults land in the middle of it
                "NEWSFLOW_INGEST_RATE_LIMIT_REQUESTS", "60",
                "NEWSFLOW_INGEST_RATE_LIMIT_PERIOD", "1s",
                "NEWSFLOW_INGEST_RATE_LIMIT_BURST", "60",
                "NEWSFLOW_INGEST_RETRY_AFTER_SECONDS", "1")));
        // the articles are English: the other languages' models would only lengthen every restart
        enrich = ServiceProcess.start(root, "enrich-service", "768m", environment(kafkaEnv, Map.of("NEWSFLOW_ENRICH_LANGUAGES", "en")));
        // the URL by port, not the server's: the tests stop and start the server again on the same port
        api = ServiceProcess.start(root, "api-service", "384m", environment(kafkaEnv, LocalPostgres.serviceEnvironment(jdbcUrl())));
        for (ServiceProcess s : List.of(ingest, enrich, api)) {
            s.awaitReady(Duration.ofSeconds(180));
        }
    }

    @AfterAll
    static void stopSystem() throws Exception {
        clients.shutdownNow();
        for (ServiceProcess s : new ServiceProcess[] {ingest, enrich, api}) {
            if (s != null) {
                s.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        Files.write(root.resolve("e2e-tests/target/fault-summary.txt"), summary);
    }

    @Test
    void everyAcceptedArticleIsStoredExactlyOnceThroughCrashesAndOutages() throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        Poison poison = new Poison();

        enrichKilled(start(scenarios, "enrich kill -9"), poison);
        apiKilled(start(scenarios, "api kill -9"));
        postgresStopped(start(scenarios, "postgres stopped"));
        apiStoppedWhilePostgresIsDown(start(scenarios, "api SIGTERM while postgres is down"));
        brokerKilled(start(scenarios, "broker kill -9, enrich SIGTERM while it is down"));

        // -------- what was promised is what is stored
        Map<String, String> stored = storedHashes();
        List<ConsumerRecord<String, String>> raw = readAll("articles.raw");
        Set<String> rawKeys = keys(raw);
        List<ConsumerRecord<String, String>> enriched = readAll("articles.enriched");
        for (Scenario sc : scenarios) {
            sc.report(stored, raw, enriched);
        }
        for (Scenario sc : scenarios) {
            assertThat(sc.accepted).as("%s: every article sent was accepted in the end", sc.name).hasSize(PER_SCENARIO);
            assertThat(sc.maxUnavailableMillis.get()).as("%s: a 503 comes within the publish timeout", sc.name)
                    .isLessThan(20_000);
            assertThat(rawKeys).as("%s: a 202 means the record is in articles.raw", sc.name)
                    .containsAll(sc.accepted.keySet());
            assertThat(sc.lost).as("%s: lost", sc.name).isEmpty();
            assertThat(sc.changed).as("%s: stored with other content than sent", sc.name).isEmpty();
        }
        Set<String> allAccepted = new HashSet<>();
        scenarios.forEach(sc -> allAccepted.addAll(sc.accepted.keySet()));
        assertThat(stored.keySet()).as("stored articles are exactly the accepted ones").isEqualTo(allAccepted);
        assertThat(new HashSet<>(stored.values())).as("no content stored twice under two ids").hasSize(stored.size());

        // -------- poison went to the DLQs with the reason, and nothing else did (not even around the restarts)
        poison.assertDeadLettered(readAll("articles.raw.dlq"), readAll("articles.enriched.dlq"));
    }

    // ------------------------------------------------------------------------------------------ scenarios

    private void enrichKilled(Scenario s, Poison poison) throws Exception {
        poison.send(kafka.bootstrapServers());
        s.awaitAccepted(PER_SCENARIO / 4);
        enrich.kill();
        enrich = enrich.restart();
        s.faultEnded();
        enrich.awaitReady(Duration.ofSeconds(180));
        s.finish();
    }

    private void apiKilled(Scenario s) throws Exception {
        s.awaitAccepted(PER_SCENARIO / 4);
        awaitStoredAtLeast(s, 1);
        api.kill();
        api = api.restart();
        s.faultEnded();
        api.awaitReady(Duration.ofSeconds(180));
        s.finish();
    }

    private void postgresStopped(Scenario s) throws Exception {
        s.awaitAccepted(PER_SCENARIO / 4);
        long down = System.nanoTime();
        stopPostgresUntilApiRetries();
        s.awaitAccepted(PER_SCENARIO / 2); // ingest and enrich go on meanwhile
        // The outage outlasts the 60 s after which the Kafka connector's default would close a consumer whose
        // record waits that long for its ack: the length of the fault, not a wait for a condition.
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - millisSince(down)));
        postgres = LocalPostgres.startPersistent(pgPort, pgData);
        s.note("postgres down " + millisSince(down) + " ms");
        s.faultEnded();
        s.finish(); // api was never restarted: it recovered by itself
        assertThat(api.isAlive()).isTrue();
    }

    private void apiStoppedWhilePostgresIsDown(Scenario s) throws Exception {
        s.awaitAccepted(PER_SCENARIO / 4);
        stopPostgresUntilApiRetries();
        long stopStarted = System.nanoTime();
        assertThat(api.stop(Duration.ofSeconds(30))).as("api stops within 30 s while it waits for the database").isTrue();
        s.note("api stopped in " + millisSince(stopStarted) + " ms");
        postgres = LocalPostgres.startPersistent(pgPort, pgData);
        api = api.restart();
        s.faultEnded();
        api.awaitReady(Duration.ofSeconds(180));
        s.finish();
    }

    private void brokerKilled(Scenario s) throws Exception {
        s.awaitAccepted(PER_SCENARIO / 4);
        kafka.kill();
        long brokerDown = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> s.unavailable.get() > 0);
        s.note("first 503 " + millisSince(brokerDown) + " ms after the broker died");
        long enrichStop = System.nanoTime();
        assertThat(enrich.stop(Duration.ofSeconds(60))).as("enrich stops within 60 s while the broker is away").isTrue();
        s.note("enrich stopped in " + millisSince(enrichStop) + " ms");
        kafka.start();
        long brokerBack = System.nanoTime();
        int acceptedBefore = s.accepted.size();
        enrich = enrich.restart();
        s.faultEnded();
        await().atMost(Duration.ofSeconds(90)).until(() -> s.accepted.size() > acceptedBefore);
        s.note("first 202 " + millisSince(brokerBack) + " ms after the broker came back");
        enrich.awaitReady(Duration.ofSeconds(180));
        s.finish();
    }

    /** Stops PostgreSQL and returns once api has failed to store and gone into its backoff. */
    private static void stopPostgresUntilApiRetries() throws Exception {
        double before = api.metric("newsflow_api_store_retries_total");
        postgres.close();
        await().atMost(Duration.ofSeconds(90)).until(() -> api.metric("newsflow_api_store_retries_total") > before);
    }

    // ------------------------------------------------------------------------------------------ load

    private static Scenario start(List<Scenario> scenarios, String name) {
        Scenario s = new Scenario(name, scenarios.size() + 1);
        scenarios.add(s);
        for (int i = 0; i < PER_SCENARIO; i++) {
            int n = i;
            s.sends.add(clients.submit(() -> s.sendUntilAccepted(n)));
        }
        return s;
    }

    /** One scenario's load and what came of it. */
    private static final class Scenario {
        final String name;
        final String tag;
        final Map<String, String> accepted = new ConcurrentHashMap<>(); // id -> hash of title and text sent
        final List<Future<?>> sends = new ArrayList<>();
        final AtomicInteger limited = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger ioErrors = new AtomicInteger();
        final AtomicLong maxUnavailableMillis = new AtomicLong();
        final List<String> notes = new CopyOnWriteArrayList<>();
        final List<String> lost = new ArrayList<>();
        final List<String> changed = new ArrayList<>();
        long faultEnded;

        Scenario(String name, int number) {
            this.name = name;
            this.tag = "s" + number + "-" + UUID.randomUUID().toString().substring(0, 8);
        }

        void sendUntilAccepted(int n) {
            String title = "Fault test " + tag + " article " + n;
            String text = "Marshal Khalifa Haftar met Defense Minister Sergei Shoigu in Moscow on Tuesday, report "
                    + tag + "-" + n + ". Officials said the talks went on for hours.";
            String body = "{\"title\":\"" + title + "\",\"text\":\"" + text + "\",\"source\":\"" + SOURCE
                    + "\",\"publishedAt\":\"2019-04-12\"}";
            while (true) {
                long sent = System.nanoTime();
                long waitMillis;
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/articles"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    switch (r.statusCode()) {
                        case 202 -> {
                            accepted.put(JSON.readTree(r.body()).get("id").asText(), hash(title, text));
                            return;
                        }
                        case 429 -> limited.incrementAndGet();
                        case 503 -> {
                            unavailable.incrementAndGet();
                            maxUnavailableMillis.accumulateAndGet(millisSince(sent), Math::max);
                        }
                        default -> throw new AssertionError("ingest answered " + r.statusCode() + ": " + r.body());
                    }
                    // as a well-behaved client: wait as long as the server asks
                    waitMillis = TimeUnit.SECONDS.toMillis(r.headers().firstValueAsLong("Retry-After")
                            .orElseThrow(() -> new AssertionError(r.statusCode() + " without Retry-After")));
                } catch (IOException e) {
                    ioErrors.incrementAndGet();
                    waitMillis = 500; // no server to ask how long to wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void awaitAccepted(int count) {
            await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= count);
        }

        void faultEnded() {
            faultEnded = System.nanoTime();
        }

        void note(String note) {
            notes.add(note);
        }

        /** Waits for the whole load to be accepted and stored; notes how long after the fault that took. */
        void finish() throws Exception {
            for (Future<?> f : sends) {
                f.get(5, TimeUnit.MINUTES);
            }
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> storedCount(tag) >= accepted.size());
            note("all stored " + millisSince(faultEnded) + " ms after the fault ended");
        }

        /** Redelivery shows in the topics (the same article written again), never in the database. */
        void report(Map<String, String> stored, List<ConsumerRecord<String, String>> raw,
                    List<ConsumerRecord<String, String>> enriched) {
            int storedHere = 0;
            for (var e : accepted.entrySet()) {
                String hash = stored.get(e.getKey());
                if (hash == null) {
                    lost.add(e.getKey());
                } else {
                    storedHere++;
                    if (!hash.equals(e.getValue())) {
                        changed.add(e.getKey());
                    }
                }
            }
            Set<String> sentHashes = new HashSet<>(accepted.values());
            long rowsWithOurContent = stored.values().stream().filter(sentHashes::contains).count();
            String line = String.format("FAULT SUMMARY | %-48s | accepted %d | stored %d | duplicated %d | lost %d "
                            + "| changed %d | extra records raw %d, enriched %d | 429s %d | 503s %d (slowest %d ms) "
                            + "| connection errors %d | %s",
                    name, accepted.size(), storedHere, rowsWithOurContent - (storedHere - changed.size()), lost.size(), changed.size(),
                    extraRecords(raw), extraRecords(enriched),
                    limited.get(), unavailable.get(), maxUnavailableMillis.get(), ioErrors.get(), String.join("; ", notes));
            System.out.println(line);
            summary.add(line);
        }

        /** Records of this scenario's articles beyond the first of each. */
        private long extraRecords(List<ConsumerRecord<String, String>> records) {
            return records.stream().filter(r -> accepted.containsKey(r.key())).count()
                    - records.stream().map(ConsumerRecord::key).filter(accepted::containsKey).distinct().count();
        }
    }

    // ------------------------------------------------------------------------------------------ poison

    /** Unreadable and future-schema records written straight into both topics. */
    private static final class Poison {
        final String rawBad = UUID.randomUUID().toString();
        final String rawFuture = UUID.randomUUID().toString();
        final String enrichedBad = UUID.randomUUID().toString();
        final String enrichedFuture = UUID.randomUUID().toString();

        void send(String bootstrap) throws Exception {
            TopicClient topics = new TopicClient(bootstrap);
            topics.send("articles.raw", rawBad, "{not json at all");
            topics.send("articles.raw", rawFuture, "{\"schemaVersion\":99,\"id\":\"" + rawFuture + "\",\"text\":\"from the future\"}");
            topics.send("articles.enriched", enrichedBad, "[1, 2,");
            topics.send("articles.enriched", enrichedFuture, "{\"schemaVersion\":99,\"id\":\"" + enrichedFuture + "\"}");
        }

        void assertDeadLettered(List<ConsumerRecord<String, String>> rawDlq, List<ConsumerRecord<String, String>> enrichedDlq) {
            assertThat(keys(rawDlq)).as("articles.raw.dlq holds the poison and nothing else").containsExactlyInAnyOrder(rawBad, rawFuture);
            assertThat(keys(enrichedDlq)).as("articles.enriched.dlq holds the poison and nothing else")
                    .containsExactlyInAnyOrder(enrichedBad, enrichedFuture);
            assertHeaders(find(rawDlq, rawBad), "articles.raw", "Cannot read the record");
            assertHeaders(find(rawDlq, rawFuture), "articles.raw", "schemaVersion 99");
            assertHeaders(find(enrichedDlq, enrichedBad), "articles.enriched", "Cannot read the record");
            assertHeaders(find(enrichedDlq, enrichedFuture), "articles.enriched", "schemaVersion 99");
        }

        private static void assertHeaders(ConsumerRecord<String, String> r, String topic, String reason) {
            assertThat(TopicClient.header(r, "dead-letter-reason")).contains(reason);
            assertThat(TopicClient.header(r, "dead-letter-topic")).isEqualTo(topic);
            assertThat(TopicClient.header(r, "dead-letter-partition")).isNotBlank();
            assertThat(TopicClient.header(r, "dead-letter-offset")).isNotBlank();
        }

        private static ConsumerRecord<String, String> find(List<ConsumerRecord<String, String>> records, String key) {
            return records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        }
    }

    // ------------------------------------------------------------------------------------------ reading back

    /** Every record of a topic, from the start to its end as of now. */
    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records;
        }
    }

    private static Set<String> keys(List<ConsumerRecord<String, String>> records) {
        Set<String> keys = new HashSet<>();
        records.forEach(r -> keys.add(r.key()));
        return keys;
    }

    /** id -> hash of title and text, for every stored test article. */
    private static Map<String, String> storedHashes() throws Exception {
        Map<String, String> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), LocalPostgres.USER, "");
             var st = c.prepareStatement("SELECT id::text, title, body FROM article WHERE source = ?")) {
            st.setString(1, SOURCE);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), hash(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return stored;
    }

    private static int storedCount(String tag) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), LocalPostgres.USER, "");
             var st = c.prepareStatement("SELECT count(*) FROM article WHERE source = ? AND title LIKE ?")) {
            st.setString(1, SOURCE);
            st.setString(2, "Fault test " + tag + " %");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void awaitStoredAtLeast(Scenario s, int count) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> storedCount(s.tag) >= count);
    }

    private static String hash(String title, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((title + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jdbcUrl() {
        return LocalPostgres.jdbcUrl(pgPort);
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
