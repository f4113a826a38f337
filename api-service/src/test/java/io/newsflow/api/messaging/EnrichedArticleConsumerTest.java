package io.newsflow.api.messaging;

import io.newsflow.api.Articles;
import io.newsflow.events.EnrichedArticle;
import io.newsflow.events.EntityType;
import io.newsflow.events.EventJson;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.newsflow.events.TraceParent;
import io.newsflow.infra.PrometheusText;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PostgresTestResource;
import io.newsflow.infra.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.newsflow.infra.LocalPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logmanager.ExtLogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** articles.enriched -> PostgreSQL -> API, idempotency and the DLQ, on real Kafka and PostgreSQL. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class EnrichedArticleConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    EntityManager em;

    @Test
    void consumedArticleIsStoredAndQueryable() throws Exception {
        EnrichedArticle a = haftarArticle();
        send(a.id(), EventJson.mapper().writeValueAsString(a));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/articles/" + a.id()).then().statusCode(200)
                        .body("title", equalTo("Haftar in Moscow"))
                        .body("entities[0].key", equalTo("person:khalifa-haftar"))
                        .body("entities[0].mentions.size()", equalTo(2))
                        .body("entities[0].mentions[1].text", equalTo("Haftar"))
                        .body("dates[0].value", equalTo("2019-04-11"))
                        .body("publishedAt.basis", equalTo("given")));
    }

    @Test
    void anIncompleteEnrichmentAndItsExtractorsAreStoredAndShownWhileACompleteOneSaysNothing() throws Exception {
        EnrichedArticle full = haftarArticle();
        EnrichedArticle cut = new EnrichedArticle(full.schemaVersion(), java.util.UUID.randomUUID().toString(), null, null,
                full.source(), full.title(), full.text(), full.language(), full.publishedAt(), full.receivedAt(),
                full.entities(), full.dates(), new EnrichedArticle.Enrichment("test", 20_013, false,
                "analysed the first 199987 of 570000 characters", List.of("ner:en-conll4", "dates:sutime-en")));
        send(full.id(), EventJson.mapper().writeValueAsString(full));
        send(cut.id(), EventJson.mapper().writeValueAsString(cut));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/articles/" + cut.id()).then().statusCode(200)
                    .body("enrichment.complete", equalTo(false))
                    .body("enrichment.incompleteReason", equalTo("analysed the first 199987 of 570000 characters"))
                    .body("enrichment.extractors", equalTo(List.of("ner:en-conll4", "dates:sutime-en")))
                    .body("entities[0].key", equalTo("person:khalifa-haftar"));
            given().get("/articles/" + full.id()).then().statusCode(200)
                    .body("enrichment", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("complete")))
                    .body("enrichment", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("incompleteReason")));
        });
    }

    @Test
    void sameRecordTwiceIsOneArticleWithOneSetOfRows() throws Exception {
        EnrichedArticle a = haftarArticle();
        String json = EventJson.mapper().writeValueAsString(a);
        send(a.id(), json);
        send(a.id(), json);
        EnrichedArticle marker = haftarArticle();
        send(marker.id(), EventJson.mapper().writeValueAsString(marker)); // same partition order not needed: wait for both
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/articles/" + a.id()).then().statusCode(200);
            given().get("/articles/" + marker.id()).then().statusCode(200);
        });
        Thread.sleep(1000); // let a late duplicate, if any, land
        assertThat(count("SELECT count(*) FROM article WHERE id = cast(?1 AS uuid)", a.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM article_entity WHERE article_id = cast(?1 AS uuid)", a.id())).isEqualTo(2);
        assertThat(count("SELECT sum(mention_count) FROM article_entity WHERE article_id = cast(?1 AS uuid)", a.id())).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM article_date WHERE article_id = cast(?1 AS uuid)", a.id())).isEqualTo(1);
    }

    @Test
    void poisonRecordsGoToTheDlqWithTheReasonAndTheRestFlows() throws Exception {
        String badId = UUID.randomUUID().toString();
        String futureId = UUID.randomUUID().toString();
        send(badId, "{not json");
        send(futureId, EventJson.mapper().writeValueAsString(haftarArticle()).replace("\"schemaVersion\":1", "\"schemaVersion\":99"));
        EnrichedArticle good = haftarArticle();
        send(good.id(), EventJson.mapper().writeValueAsString(good));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + good.id()).then().statusCode(200));
        List<ConsumerRecord<String, String>> dlq = readDlq(badId, futureId);
        ConsumerRecord<String, String> bad = dlq.stream().filter(r -> badId.equals(r.key())).findFirst().orElseThrow();
        assertThat(bad.value()).isEqualTo("{not json");
        assertThat(header(bad, "dead-letter-reason")).contains("Cannot read the record as EnrichedArticle");
        assertThat(header(bad, "dead-letter-topic")).isEqualTo(Topics.ENRICHED);
        assertThat(header(bad, "dead-letter-offset")).isNotBlank();
        ConsumerRecord<String, String> future = dlq.stream().filter(r -> futureId.equals(r.key())).findFirst().orElseThrow();
        assertThat(header(future, "dead-letter-reason")).contains("schemaVersion 99");
    }

    @Test
    void theTraceIdOfTheRecordIsStoredAndShown() throws Exception {
        TraceParent trace = TraceParent.newTrace();
        EnrichedArticle a = haftarArticle();
        new TopicClient(bootstrap).send(Topics.ENRICHED, a.id(), EventJson.mapper().writeValueAsString(a),
                Map.of(Telemetry.TRACEPARENT, trace.header()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/articles/" + a.id()).then().statusCode(200).body("traceId", equalTo(trace.traceId())));
        Object stored = em.createNativeQuery("SELECT trace_id FROM article WHERE id = cast(?1 AS uuid)").setParameter(1, a.id())
                .getSingleResult();
        assertThat(stored).isEqualTo(trace.traceId());
    }

    @Test
    void logLinesWrittenWhileARecordIsStoredCarryItsArticleIdAndTraceId() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r instanceof ExtLogRecord e) { // the MDC of the thread that logs, read while it logs
                    seen.add(e.getMdc(Telemetry.MDC_ARTICLE_ID) + " " + e.getMdc(Telemetry.MDC_TRACE_ID));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(EnrichedArticleConsumer.class.getName());
        logger.addHandler(capture);
        try {
            TraceParent trace = TraceParent.newTrace();
            EnrichedArticle a = haftarArticle();
            new TopicClient(bootstrap).send(Topics.ENRICHED, a.id(), EventJson.mapper().writeValueAsString(a),
                    Map.of(Telemetry.TRACEPARENT, trace.header()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seen).contains(a.id() + " " + trace.traceId()));
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void metricsCountArticlesInOutAndDeadLettersAndTimeTheDatabaseWrites() throws Exception {
        String before = metrics();
        Map<String, String> dlq = Map.of(Telemetry.TAG_TOPIC, Topics.ENRICHED_DLQ, Telemetry.TAG_SERVICE, "api-service");
        EnrichedArticle good = haftarArticle();
        send(good.id(), EventJson.mapper().writeValueAsString(good));
        send(UUID.randomUUID().toString(), "{broken");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = metrics();
            assertThat(delta(before, after, Telemetry.PROM_ARTICLES_IN, Map.of(Telemetry.TAG_SERVICE, "api-service")))
                    .isGreaterThanOrEqualTo(2);
            assertThat(delta(before, after, Telemetry.PROM_ARTICLES_OUT, Map.of())).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, Telemetry.PROM_DLQ_RECORDS, dlq)).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, Telemetry.PROM_DB_WRITE_DURATION + "_count", Map.of())).isGreaterThanOrEqualTo(1);
        });
        String after = metrics();
        assertThat(PrometheusText.samples(after, Telemetry.PROM_DB_WRITE_DURATION + "_bucket", Map.of("le", "+Inf"))).hasSize(1);
        assertThat(PrometheusText.samples(after, Telemetry.PROM_DB_WRITE_DURATION, Map.of("quantile", "0.99"))).hasSize(1);

        // the group's lag on every partition of articles.enriched, back to 0 once the offsets are committed
        Map<String, String> lag = Map.of(Telemetry.TAG_GROUP, "newsflow-api", Telemetry.TAG_TOPIC, Topics.ENRICHED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<PrometheusText.Sample> partitions = PrometheusText.samples(metrics(), Telemetry.PROM_CONSUMER_LAG, lag);
            assertThat(partitions).hasSize(6);
            assertThat(partitions).allSatisfy(p -> assertThat(p.value()).isZero());
        });
    }

    @Test
    void aBatchWithPoisonAmongGoodRecordsStoresTheGoodOnesAndDeadLettersOnlyThePoison() throws Exception {
        EnrichedArticle good1 = haftarArticle();
        EnrichedArticle good2 = haftarArticle();
        String badJson = UUID.randomUUID().toString();
        // parses, but names an entity without a key (enrich never makes one): it fails while storing, for this record only
        EnrichedArticle noKey = haftarArticle();
        EnrichedArticle noKeyRecord = new EnrichedArticle(1, noKey.id(), null, null, "test", "No key", noKey.text(), "en",
                noKey.publishedAt(), noKey.receivedAt(), List.of(new io.newsflow.events.Entity(null, "Nobody", EntityType.PERSON, null,
                List.of(new io.newsflow.events.Entity.Mention("Haftar", 15, 21)))), noKey.dates(), noKey.enrichment());
        sendInOneBatch(List.of(
                new ProducerRecord<>(Topics.ENRICHED, 0, good1.id(), EventJson.mapper().writeValueAsString(good1)),
                new ProducerRecord<>(Topics.ENRICHED, 0, badJson, "{not json"),
                new ProducerRecord<>(Topics.ENRICHED, 0, noKey.id(), EventJson.mapper().writeValueAsString(noKeyRecord)),
                new ProducerRecord<>(Topics.ENRICHED, 0, good2.id(), EventJson.mapper().writeValueAsString(good2))));

        List<ConsumerRecord<String, String>> dlq = readDlq(badJson, noKey.id());
        assertThat(header(find(dlq, badJson), "dead-letter-reason")).contains("Cannot read the record as EnrichedArticle");
        for (String key : List.of(badJson, noKey.id())) {
            ConsumerRecord<String, String> r = find(dlq, key);
            assertThat(header(r, "dead-letter-reason")).as(key).isNotBlank();
            assertThat(header(r, "dead-letter-topic")).isEqualTo(Topics.ENRICHED);
            assertThat(header(r, "dead-letter-partition")).isEqualTo("0");
            assertThat(header(r, "dead-letter-offset")).isNotBlank();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/articles/" + good1.id()).then().statusCode(200);
            given().get("/articles/" + good2.id()).then().statusCode(200);
        });
        given().get("/articles/" + noKey.id()).then().statusCode(404);
        assertThat(dlq.stream().map(ConsumerRecord::key)).doesNotContain(good1.id(), good2.id());
        // the four came as one batch (one poll)
        assertThat(PrometheusText.samples(metrics(), "newsflow_api_store_batch_size_max", Map.of()))
                .anySatisfy(sample -> assertThat(sample.value()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void theSameArticleTwiceInABatchIsOneRowWithTheLaterContent() throws Exception {
        String text = "Khalifa Haftar was in Moscow on Thursday. Haftar met officials.";
        String place = "location:moscow-" + UUID.randomUUID();
        String person = "person:haftar-" + UUID.randomUUID();
        EnrichedArticle first = Articles.article("First version", text, "test", "2019-04-12",
                List.of(Articles.entity(text, place, "Moscow", EntityType.LOCATION, "Moscow")), List.of());
        EnrichedArticle later = new EnrichedArticle(1, first.id(), null, null, "test", "Later version", text, "en",
                first.publishedAt(), first.receivedAt(),
                List.of(Articles.entity(text, person, "Khalifa Haftar", EntityType.PERSON, "Khalifa Haftar", "Haftar")),
                List.of(Articles.date(text, "Thursday", "2019-04-11")), first.enrichment());
        sendInOneBatch(List.of(
                new ProducerRecord<>(Topics.ENRICHED, 0, first.id(), EventJson.mapper().writeValueAsString(first)),
                new ProducerRecord<>(Topics.ENRICHED, 0, first.id(), EventJson.mapper().writeValueAsString(later))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/articles/" + first.id()).then().statusCode(200).body("title", equalTo("Later version")));
        assertThat(count("SELECT count(*) FROM article WHERE id = cast(?1 AS uuid)", first.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM article_entity WHERE article_id = cast(?1 AS uuid)", first.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM article_date WHERE article_id = cast(?1 AS uuid)", first.id())).isEqualTo(1);
        // the entity counts kept by the V6 trigger follow
        assertThat(count("SELECT article_count * 100 + mention_count FROM entity WHERE key = ?1", person)).isEqualTo(102);
        assertThat(count("SELECT count(*) FROM entity WHERE key = ?1 AND article_count > 0", place)).isZero();
    }

    @Test
    void aBatchThatLosesItsDatabaseConnectionIsRetriedAndNothingIsLost() throws Exception {
        List<EnrichedArticle> articles = List.of(haftarArticle(), haftarArticle(), haftarArticle());
        double retriesBefore = PrometheusText.sum(metrics(), "newsflow_api_store_retries_total", Map.of());
        try (Connection admin = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "")) {
            admin.setAutoCommit(false);
            try (Statement st = admin.createStatement()) {
                // the batch's transaction waits behind this lock ...
                st.execute("LOCK TABLE article_date IN ACCESS EXCLUSIVE MODE");
                List<ProducerRecord<String, String>> records = new java.util.ArrayList<>();
                for (EnrichedArticle a : articles) {
                    records.add(new ProducerRecord<>(Topics.ENRICHED, 0, a.id(), EventJson.mapper().writeValueAsString(a)));
                }
                sendInOneBatch(records);
                String waiting = "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()";
                await().atMost(Duration.ofSeconds(30)).until(() -> rows(admin, waiting) > 0);
                // ... and loses its connection (SQLState 57P01, as when PostgreSQL shuts down)
                st.execute("SELECT pg_terminate_backend(pid) FROM (" + waiting + ") w");
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        PrometheusText.sum(metrics(), "newsflow_api_store_retries_total", Map.of()) > retriesBefore);
            }
            admin.rollback(); // the lock goes
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> articles.forEach(a ->
                given().get("/articles/" + a.id()).then().statusCode(200)));
        List<ConsumerRecord<String, String>> dlq = new TopicClient(bootstrap).readUntilKeys(Topics.ENRICHED_DLQ, Duration.ofSeconds(3),
                articles.get(0).id());
        assertThat(dlq.stream().map(ConsumerRecord::key)).doesNotContainAnyElementsOf(articles.stream().map(EnrichedArticle::id).toList());
    }

    @Test
    void nulCharactersAndImpossibleDatesAreRepairedAndStoredNeverDeadLettered() throws Exception {
        // what the probe sent through ingest before ingest refused it: such records may still be on the topic
        String text = "Khalifa\u0000 Haftar was in Moscow on Thursday.\u0000 Haftar met officials in the year 0.";
        EnrichedArticle nul = new EnrichedArticle(1, UUID.randomUUID().toString(), "ext\u0000-1", "https://example.com/\u0000a",
                "nul\u0000source", "Nul \u0000 title", text, "e\u0000n",
                new EnrichedArticle.PublishedAt("0001-01-01T00:00:00+01:00", EnrichedArticle.Basis.given),
                java.time.Instant.parse("+20000-01-01T00:00:00Z"),
                List.of(Articles.entity(text, "person:nul-\u0000haftar", "Khalifa\u0000 Haftar", EntityType.PERSON,
                        "Khalifa\u0000 Haftar", "Haftar")),
                List.of(Articles.date(text, "Thursday", "2019-04-11"), Articles.date(text, "the year 0", "0000")),
                new EnrichedArticle.Enrichment("test", 1));
        EnrichedArticle farFuture = Articles.article("Far future", "Published in the year 12000.", "test", "+12000-01-01", List.of(), List.of());
        EnrichedArticle pageDate = Articles.article("Old page date", "From a page.", "test", null, List.of(), List.of());
        EnrichedArticle pageDateRecord = new EnrichedArticle(1, pageDate.id(), null, null, "test", pageDate.title(), pageDate.text(),
                "en", new EnrichedArticle.PublishedAt("0001-01-01", EnrichedArticle.Basis.page), pageDate.receivedAt(),
                List.of(), List.of(), pageDate.enrichment());
        sendInOneBatch(List.of(
                new ProducerRecord<>(Topics.ENRICHED, 0, nul.id(), EventJson.mapper().writeValueAsString(nul)),
                new ProducerRecord<>(Topics.ENRICHED, 0, farFuture.id(), EventJson.mapper().writeValueAsString(farFuture)),
                new ProducerRecord<>(Topics.ENRICHED, 0, pageDate.id(), EventJson.mapper().writeValueAsString(pageDateRecord))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/articles/" + farFuture.id()).then().statusCode(200).body("publishedAt.basis", equalTo("unknown"));
            given().get("/articles/" + pageDate.id()).then().statusCode(200).body("publishedAt.basis", equalTo("unknown"));
        });
        var stored = given().get("/articles/" + nul.id()).then().statusCode(200).extract().jsonPath();
        String storedText = stored.getString("text");
        assertThat(storedText).isEqualTo(text.replace("\u0000", ""));
        assertThat(stored.getString("title")).isEqualTo("Nul  title");
        assertThat(stored.getString("source")).isEqualTo("nulsource");
        assertThat(stored.getString("externalId")).isEqualTo("ext-1");
        assertThat(stored.getString("url")).isEqualTo("https://example.com/a");
        assertThat(stored.getString("language")).isEqualTo("en");
        assertThat(stored.getString("publishedAt.basis")).isEqualTo("unknown");
        assertThat(stored.getString("publishedAt.value")).isNull();
        assertThat(stored.getString("receivedAt")).startsWith(String.valueOf(java.time.Year.now().getValue()));
        assertThat(stored.getString("entities[0].key")).isEqualTo("person:nul-haftar");
        assertThat(stored.getString("entities[0].name")).isEqualTo("Khalifa Haftar");
        // the offsets still point at the words in the stored text (UTF-16, as before)
        List<Map<String, Object>> mentions = stored.getList("entities[0].mentions");
        assertThat(mentions).hasSize(2).allSatisfy(m -> assertThat(storedText.substring((Integer) m.get("start"), (Integer) m.get("end")))
                .isEqualTo(m.get("text")));
        List<Map<String, Object>> dates = stored.getList("dates");
        assertThat(dates).extracting(d -> storedText.substring((Integer) d.get("start"), (Integer) d.get("end")))
                .containsExactly("Thursday", "the year 0");
        // the year-0 date is kept, without a span of days (PostgreSQL has no year 0)
        assertThat(count("SELECT count(*) FROM article_date WHERE article_id = cast(?1 AS uuid) AND date_from IS NULL", nul.id()))
                .isEqualTo(1);
        given().queryParam("source", "nulsource").get("/articles").then().statusCode(200).body("items.size()", equalTo(1));
        List<ConsumerRecord<String, String>> dlq = new TopicClient(bootstrap).readUntilKeys(Topics.ENRICHED_DLQ, Duration.ofSeconds(3),
                nul.id());
        assertThat(dlq.stream().map(ConsumerRecord::key)).doesNotContain(nul.id(), farFuture.id(), pageDate.id());
    }

    @Test
    void aTextOfManyDistinctWordsAndNamesTooLongForAnIndexAreStoredNotDeadLettered() throws Exception {
        // 800 KB of distinct random words: a full-text vector of the whole text would pass PostgreSQL's 1 MB limit
        java.util.Random random = new java.util.Random(18);
        StringBuilder words = new StringBuilder("Zebrafinchery opens the text.");
        for (int i = 0; i < 100_000; i++) {
            words.append(' ');
            random.ints(7, 'a', 'z' + 1).forEach(c -> words.append((char) c));
        }
        // a run of capitalised words an extractor might take for one name: over the 2,704 bytes of a btree entry
        StringBuilder run = new StringBuilder();
        while (run.length() < 3_000) {
            run.append((char) random.nextInt('A', 'Z' + 1));
            random.ints(6, 'a', 'z' + 1).forEach(c -> run.append((char) c));
            run.append(' ');
        }
        String name = run.toString().strip();
        String text = words + " " + name + " met Haftar.";
        String source = "huge-" + UUID.randomUUID();
        EnrichedArticle huge = Articles.article("Huge", text, source, "2019-04-12",
                List.of(Articles.entity(text, "organization:" + name.toLowerCase().replace(' ', '-'), name, EntityType.ORGANIZATION, name),
                        Articles.entity(text, "person:haftar-" + source, "Haftar", EntityType.PERSON, "Haftar"),
                        Articles.entity(text, "misc:" + source, "Run", EntityType.MISC, name)),
                List.of());
        send(huge.id(), EventJson.mapper().writeValueAsString(huge));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/articles/" + huge.id()).then().statusCode(200));
        var stored = given().get("/articles/" + huge.id()).then().extract().jsonPath();
        assertThat(stored.getString("text")).hasSize(text.length());
        // the entity whose key no index holds is left out; the others stay, the long surface form as a mention only
        assertThat(stored.getList("entities.key", String.class)).containsExactly("person:haftar-" + source, "misc:" + source);
        given().get("/entities/misc:" + source).then().statusCode(200).body("aliases", org.hamcrest.Matchers.contains("Run"));
        given().queryParam("q", "zebrafinchery").queryParam("source", source).get("/articles").then().statusCode(200)
                .body("items.size()", equalTo(1));
        List<ConsumerRecord<String, String>> dlq = new TopicClient(bootstrap).readUntilKeys(Topics.ENRICHED_DLQ, Duration.ofSeconds(3),
                huge.id());
        assertThat(dlq.stream().map(ConsumerRecord::key)).doesNotContain(huge.id());
    }

    private static int rows(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    /** One produce request to one partition: the consumer's next poll gets all of them, as one batch. */
    private void sendInOneBatch(List<ProducerRecord<String, String>> records) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 60_000), new StringSerializer(), new StringSerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    private static ConsumerRecord<String, String> find(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String name, Map<String, String> labels) {
        return PrometheusText.sum(after, name, labels) - PrometheusText.sum(before, name, labels);
    }

    static EnrichedArticle haftarArticle() {
        String text = "Khalifa Haftar was in Moscow on Thursday. Haftar met officials.";
        return Articles.article("Haftar in Moscow", text, "test", "2019-04-12",
                List.of(Articles.entity(text, "person:khalifa-haftar", "Khalifa Haftar", EntityType.PERSON, "Khalifa Haftar", "Haftar"),
                        Articles.entity(text, "location:moscow", "Moscow", EntityType.LOCATION, "Moscow")),
                List.of(Articles.date(text, "Thursday", "2019-04-11")));
    }

    private long count(String sql, String id) {
        Object n = em.createNativeQuery(sql).setParameter(1, id).getSingleResult();
        return ((Number) n).longValue();
    }

    private void send(String key, String value) throws Exception {
        new TopicClient(bootstrap).send(Topics.ENRICHED, key, value);
    }

    private List<ConsumerRecord<String, String>> readDlq(String... keys) {
        return new TopicClient(bootstrap).readUntilKeys(Topics.ENRICHED_DLQ, Duration.ofSeconds(30), keys);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        return TopicClient.header(r, name);
    }
}
