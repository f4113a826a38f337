package io.newsflow.enrich.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.events.ArticleIds;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.newsflow.events.Telemetry;
import io.newsflow.events.Topics;
import io.newsflow.events.TraceParent;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PrometheusText;
import io.newsflow.infra.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** articles.raw -> enrich -> articles.enriched, and the DLQ, on a real Kafka broker. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class RawArticleProcessorTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "newsflow.enrich.concurrency")
    int concurrency;

    @Test
    void rawArticleIsEnrichedAndPublishedUnderItsId() throws Exception {
        String text = "Marshal Khalifa Haftar met Russian Defense Minister Sergei Shoigu in Moscow on Tuesday. "
                + "Officials said Haftar asked for weapons.";
        String id = ArticleIds.derive(null, null, null, "Haftar in Moscow", text + UUID.randomUUID());
        send(Topics.RAW, id, EventJson.mapper().writeValueAsString(new RawArticle(1, id, null, null, "test",
                "Haftar in Moscow", text, null, null, "2019-04-12", "given", Instant.now())));

        JsonNode enriched = EventJson.mapper().readTree(read(Topics.ENRICHED, id).value());
        assertThat(enriched.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(enriched.get("id").asText()).isEqualTo(id);
        assertThat(enriched.get("text").asText()).isEqualTo(text);
        assertThat(enriched.get("publishedAt").get("value").asText()).isEqualTo("2019-04-12");
        assertThat(enriched.get("publishedAt").get("basis").asText()).isEqualTo("given");
        List<String> keys = new ArrayList<>();
        enriched.get("entities").forEach(e -> keys.add(e.get("key").asText()));
        assertThat(keys).contains("person:khalifa-haftar", "location:moscow");
        JsonNode haftar = findByKey(enriched.get("entities"), "person:khalifa-haftar");
        assertThat(haftar.get("mentions").size()).isEqualTo(2);
        for (JsonNode m : haftar.get("mentions")) {
            assertThat(text.substring(m.get("start").asInt(), m.get("end").asInt())).isEqualTo(m.get("text").asText());
        }
        JsonNode tuesday = enriched.get("dates").get(0);
        assertThat(tuesday.get("text").asText()).isEqualTo("Tuesday");
        assertThat(tuesday.get("value").asText()).isEqualTo("2019-04-09");
        assertThat(enriched.get("enrichment").get("version").asText()).isNotBlank();
    }

    @Test
    void poisonRecordsGoToTheDlqWithTheReasonAndTheRestFlows() throws Exception {
        String badId = UUID.randomUUID().toString();
        String futureId = UUID.randomUUID().toString();
        String goodId = UUID.randomUUID().toString();
        send(Topics.RAW, badId, "{definitely not json");
        send(Topics.RAW, futureId, "{\"schemaVersion\":7,\"id\":\"" + futureId + "\",\"text\":\"x\"}");
        send(Topics.RAW, goodId, EventJson.mapper().writeValueAsString(new RawArticle(1, goodId, null, null, null,
                "Fine", "Vladimir Putin spoke in Moscow.", null, null, null, null, Instant.now())));

        assertThat(read(Topics.ENRICHED, goodId).value()).contains("Vladimir Putin");
        ConsumerRecord<String, String> bad = read(Topics.RAW_DLQ, badId);
        assertThat(bad.value()).isEqualTo("{definitely not json");
        assertThat(header(bad, "dead-letter-reason")).contains("Cannot read the record as RawArticle");
        assertThat(header(bad, "dead-letter-topic")).isEqualTo(Topics.RAW);
        assertThat(header(bad, "dead-letter-partition")).isNotBlank();
        assertThat(header(read(Topics.RAW_DLQ, futureId), "dead-letter-reason")).contains("schemaVersion 7");
    }

    @Test
    void oneInstanceRunsAConsumerPerCoreThatSplitThePartitions() throws Exception {
        // a record makes sure the group has formed and owns articles.raw
        String id = UUID.randomUUID().toString();
        send(Topics.RAW, id, EventJson.mapper().writeValueAsString(new RawArticle(1, id, null, null, null,
                "Split", "Angela Merkel spoke in Berlin.", null, null, null, null, Instant.now())));
        read(Topics.ENRICHED, id);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("newsflow-enrich"))
                    .describedGroups().get("newsflow-enrich").get();
            assertThat(group.members()).hasSize(concurrency);
            List<Integer> owned = new ArrayList<>();
            for (MemberDescription member : group.members()) {
                List<Integer> partitions = member.assignment().topicPartitions().stream()
                        .filter(tp -> tp.topic().equals(Topics.RAW)).map(TopicPartition::partition).toList();
                assertThat(partitions).as("every consumer gets its share").isNotEmpty();
                owned.addAll(partitions);
            }
            assertThat(owned).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void traceContextGoesOnToTheEnrichedRecordAsAChildSpan() throws Exception {
        TraceParent parent = TraceParent.newTrace();
        String id = UUID.randomUUID().toString();
        new TopicClient(bootstrap).send(Topics.RAW, id, rawJson(id, "Angela Merkel visited Paris."),
                Map.of(Telemetry.TRACEPARENT, parent.header()));
        TraceParent child = TraceParent.parse(header(read(Topics.ENRICHED, id), Telemetry.TRACEPARENT)).orElseThrow();
        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.spanId()).isNotEqualTo(parent.spanId());

        // a record without (or with a broken) trace context starts a trace of its own
        String other = UUID.randomUUID().toString();
        new TopicClient(bootstrap).send(Topics.RAW, other, rawJson(other, "Emmanuel Macron spoke in Berlin."),
                Map.of(Telemetry.TRACEPARENT, "00-broken"));
        assertThat(TraceParent.parse(header(read(Topics.ENRICHED, other), Telemetry.TRACEPARENT))).isPresent();
    }

    @Test
    void whoSubmittedTheArticleGoesOnToTheEnrichedRecord() throws Exception {
        String id = UUID.randomUUID().toString();
        new TopicClient(bootstrap).send(Topics.RAW, id, rawJson(id, "Olaf Scholz visited Rome."),
                Map.of(Telemetry.SUBMITTED_BY, "crawler-eu"));
        assertThat(header(read(Topics.ENRICHED, id), Telemetry.SUBMITTED_BY)).isEqualTo("crawler-eu");

        // a record from before the header existed gets none (not an empty one)
        String older = UUID.randomUUID().toString();
        new TopicClient(bootstrap).send(Topics.RAW, older, rawJson(older, "Olaf Scholz visited Madrid."));
        assertThat(read(Topics.ENRICHED, older).headers().lastHeader(Telemetry.SUBMITTED_BY)).isNull();
    }

    @Test
    void metricsCountArticlesInOutAndDeadLettersAndTimeTheEnrichment() throws Exception {
        String before = metrics();
        Map<String, String> dlq = Map.of(Telemetry.TAG_TOPIC, Topics.RAW_DLQ, Telemetry.TAG_SERVICE, "enrich-service");
        String good = UUID.randomUUID().toString();
        send(Topics.RAW, good, rawJson(good, "Boris Johnson met Joe Biden in London."));
        send(Topics.RAW, UUID.randomUUID().toString(), "[not a raw article]");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String after = metrics();
            assertThat(delta(before, after, Telemetry.PROM_ARTICLES_IN, Map.of())).isGreaterThanOrEqualTo(2);
            assertThat(delta(before, after, Telemetry.PROM_ARTICLES_OUT, Map.of())).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, Telemetry.PROM_DLQ_RECORDS, dlq)).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, Telemetry.PROM_ENRICH_DURATION + "_count", Map.of())).isGreaterThanOrEqualTo(1);
        });
        String after = metrics();
        // a histogram (buckets), so p50/p99 can be computed across instances
        assertThat(PrometheusText.samples(after, Telemetry.PROM_ENRICH_DURATION + "_bucket", Map.of("le", "+Inf"))).hasSize(1);
        assertThat(PrometheusText.sum(after, Telemetry.PROM_ENRICH_DURATION + "_sum", Map.of())).isPositive();

        // the group's lag on every partition of articles.raw, back to 0 once the offsets are committed
        Map<String, String> lag = Map.of(Telemetry.TAG_GROUP, "newsflow-enrich", Telemetry.TAG_TOPIC, Topics.RAW);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<PrometheusText.Sample> partitions = PrometheusText.samples(metrics(), Telemetry.PROM_CONSUMER_LAG, lag);
            assertThat(partitions).hasSize(6);
            assertThat(partitions).allSatisfy(p -> assertThat(p.value()).isZero());
        });
    }

    @Test
    void healthAndMetricsAnswer() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("newsflow_enrich_duration"));
    }

    private static String rawJson(String id, String text) throws Exception {
        return EventJson.mapper().writeValueAsString(new RawArticle(1, id, null, null, "test", null, text, null, null,
                null, null, Instant.now()));
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String name, Map<String, String> labels) {
        return PrometheusText.sum(after, name, labels) - PrometheusText.sum(before, name, labels);
    }

    private static JsonNode findByKey(JsonNode entities, String key) {
        for (JsonNode e : entities) {
            if (key.equals(e.get("key").asText())) {
                return e;
            }
        }
        throw new AssertionError("no entity " + key + " in " + entities);
    }

    private void send(String topic, String key, String value) throws Exception {
        new TopicClient(bootstrap).send(topic, key, value);
    }

    private ConsumerRecord<String, String> read(String topic, String key) {
        return new TopicClient(bootstrap).read(topic, key, Duration.ofSeconds(60));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        return TopicClient.header(r, name);
    }
}
