package io.newsflow.ingest.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.Topics;
import io.newsflow.infra.KafkaTestResource;
import io.newsflow.infra.TopicClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the production body limit (5 MiB), a body just under it is a 202 and its record is on articles.raw: the
 * producer's max.request.size and the broker's message.max.bytes (16 MiB) take what ingest accepts, where Kafka's
 * 1 MB default used to turn it into a false 503.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(LargeArticleTest.ProductionBodyLimit.class)
class LargeArticleTest {

    public static class ProductionBodyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.ingest.max-body-bytes", "5242880");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFourAndAHalfMebibyteArticleIsAcceptedAndReachesTheTopic() throws Exception {
        String marker = UUID.randomUUID().toString();
        StringBuilder text = new StringBuilder("A very long report " + marker + "\n\n");
        String sentence = "Khalifa Haftar met officials in Moscow on Tuesday to talk about the war in Libya. ";
        while (text.length() < 4_500_000) {
            text.append(sentence);
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        String id = given().header("Authorization", "Bearer test-key").contentType("text/plain; charset=utf-8")
                .body(body).post("/articles")
                .then().statusCode(202).extract().path("id");

        TopicClient raw = new TopicClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        ConsumerRecord<String, String> record = raw.read(Topics.RAW, id, Duration.ofSeconds(60));
        JsonNode value = JSON.readTree(record.value());
        assertThat(value.get("title").asText()).contains(marker);
        assertThat(value.get("text").asText().length()).isGreaterThan(4_400_000);
    }
}
