package io.newsflow.enrich.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.TwoLanguagesSmallLimits;
import io.newsflow.events.EventJson;
import io.newsflow.events.RawArticle;
import io.newsflow.events.Topics;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.PrometheusText;
import io.newsflow.infra.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits on a real broker, made small: an article beyond the analysed-characters cap is stored flagged
 * incomplete; an enriched record Kafka refuses as too large is dead-lettered with the reason at once (no retry,
 * no broker outage) and the partition goes on.
 */
@QuarkusTest
@TestProfile(TwoLanguagesSmallLimits.class)
@WithTestResource(KafkaTestResource.class)
class RecordLimitsTest {

    private static final int MAX_REQUEST_SIZE = TwoLanguagesSmallLimits.MAX_REQUEST_SIZE;
    private static final String PRODUCER_RETRIES = "kafka_producer_record_retry_total";
    private static final Map<String, String> ENRICHED_PRODUCER = Map.of("client_id", "kafka-producer-articles-enriched");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anArticleBeyondTheCharacterCapIsStoredFlaggedIncomplete() throws Exception {
        String text = paragraphs(40); // ~4,000 characters, of which the first 1,000 are analysed
        String id = SamePartition.keys(1).get(0);
        send(id, text);
        JsonNode enriched = EventJson.mapper().readTree(new TopicClient(bootstrap).read(Topics.ENRICHED, id, Duration.ofSeconds(60)).value());
        assertThat(enriched.get("text").asText()).isEqualTo(text);
        JsonNode enrichment = enriched.get("enrichment");
        assertThat(enrichment.get("complete").asBoolean(true)).isFalse();
        assertThat(enrichment.get("incompleteReason").asText()).matches("analysed the first \\d+ of " + text.length() + " characters");
        assertThat(enriched.get("entities").toString()).contains("person:angela-merkel");
        for (JsonNode entity : enriched.get("entities")) {
            for (JsonNode mention : entity.get("mentions")) {
                assertThat(mention.get("end").asInt()).isLessThanOrEqualTo(TwoLanguagesSmallLimits.MAX_ANALYSED_CHARS);
            }
        }
    }

    @Test
    void aRecordTooLargeForKafkaIsDeadLetteredAtOnceAndThePartitionGoesOn() throws Exception {
        List<String> keys = SamePartition.keys(2);
        String huge = paragraphs(900); // ~90 KB of text: the enriched record is over the producer's 60 KB limit
        String before = metrics();
        send(keys.get(0), huge);
        send(keys.get(1), "Emmanuel Macron spoke in Paris.");

        TopicClient topics = new TopicClient(bootstrap);
        assertThat(topics.read(Topics.ENRICHED, keys.get(1), Duration.ofSeconds(60)).value()).contains("Emmanuel Macron");
        ConsumerRecord<String, String> dead = topics.read(Topics.RAW_DLQ, keys.get(0), Duration.ofSeconds(60));
        assertThat(TopicClient.header(dead, "dead-letter-reason"))
                .startsWith("The enriched record is too large for Kafka: ")
                .contains(String.valueOf(MAX_REQUEST_SIZE));
        assertThat(dead.value()).contains(huge.substring(0, 60)); // the raw record as it came (JSON escapes the line breaks)
        // never sent again as if the broker were away (the producer of articles.enriched does the retrying)
        assertThat(PrometheusText.samples(before, PRODUCER_RETRIES, ENRICHED_PRODUCER)).isNotEmpty();
        assertThat(PrometheusText.sum(metrics(), PRODUCER_RETRIES, ENRICHED_PRODUCER))
                .isEqualTo(PrometheusText.sum(before, PRODUCER_RETRIES, ENRICHED_PRODUCER));
        assertThat(topics.readUntilKeys(Topics.ENRICHED, Duration.ofSeconds(2), keys.get(0)))
                .noneMatch(r -> keys.get(0).equals(r.key()));
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Distinct lines (the cleaner drops repeated ones), about 100 characters each, naming people and places. */
    private static String paragraphs(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append("Item ").append(i).append(": Angela Merkel met officials in Berlin to discuss budget line ")
                    .append(i * 37).append(" of the plan.");
        }
        return text.toString();
    }

    /** Said to be English: Lingua reads these repetitive lines of German names as German, where no NER runs yet. */
    private void send(String id, String text) throws Exception {
        new TopicClient(bootstrap).send(Topics.RAW, id, EventJson.mapper().writeValueAsString(new RawArticle(1, id, null,
                null, "test", "Limits", text, null, "en", "2019-05-30", "given", Instant.now())));
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
